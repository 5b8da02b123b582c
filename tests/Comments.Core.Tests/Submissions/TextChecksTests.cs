using Comments.Core.Submissions;

namespace Comments.Core.Tests.Submissions;

public class TextChecksTests
{
    [Theory]
    [InlineData("ann@example.com", true)]
    [InlineData("ann.smith+tag@mail.example.co.uk", true)]
    [InlineData("ann@localhost", false)]
    [InlineData("ann@exa_mple.com", false)]
    [InlineData("ann..smith@example.com", false)]
    [InlineData(".ann@example.com", false)]
    [InlineData("ann@-example.com", false)]
    [InlineData("ann@example.123", false)]
    [InlineData("\"quoted\"@example.com", false)]
    public void Email_check_is_practical(string email, bool valid) => Assert.Equal(valid, TextChecks.IsEmail(email));

    // Built from code units here: a lone surrogate does not survive test-case serialisation.
    [Theory]
    [InlineData(new[] { 'a', '\uD83D', '\uDE00', 'b' }, true)]
    [InlineData(new[] { 'a', '\uD83D', 'b' }, false)]
    [InlineData(new[] { '\uDE00' }, false)]
    [InlineData(new[] { 'e', '\uD83D' }, false)]
    public void Surrogates_must_pair(char[] units, bool valid) => Assert.Equal(valid, TextChecks.IsWellFormedUtf16(new string(units)));

    [Theory]
    [InlineData("post-42", true)]
    [InlineData("2024:my_post.v2~draft", true)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    [InlineData("a b", false)]
    [InlineData("{tag}", false)]
    public void Thread_ids_are_slugs(string id, bool valid) => Assert.Equal(valid, TextChecks.IsThreadId(id));
}
