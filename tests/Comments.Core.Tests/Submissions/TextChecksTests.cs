using Comments.Core.Comments;
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
    public void Thread_ids_are_slugs(string id, bool valid) => Assert.Equal(valid, Ids.IsThread(id));

    [Theory]
    [InlineData("plain", false)]
    [InlineData("a\uFFFEb", true)]
    [InlineData("a\uFFFF", true)]
    [InlineData("\uFDD0", true)]
    [InlineData("\uFDEF", true)]
    [InlineData("\uFDF0", false)]
    [InlineData("\uD83F\uDFFE", true)]
    [InlineData("\uDBFF\uDFFF", true)]
    [InlineData("\uD83D\uDE00", false)]
    public void Noncharacters_are_found_in_every_plane(string value, bool found) => Assert.Equal(found, TextChecks.HasNoncharacters(value));

    [Theory]
    [InlineData("\u202Aa", true)]
    [InlineData("a\u202E", true)]
    [InlineData("\u2066x\u2069", true)]
    [InlineData("\u200F\u05E9\u05DC\u05D5\u05DD", false)]
    public void Bidi_overrides_and_isolates_are_found_but_marks_are_allowed(string value, bool found) =>
        Assert.Equal(found, TextChecks.HasBidiControls(value));

    [Theory]
    [InlineData("Ann", true)]
    [InlineData(" \u200B\u200C\u200D\u2060\uFEFF ", false)]
    [InlineData("\u3164\u115F\u2800", false)]
    [InlineData("\u00AD", false)]
    [InlineData(null, false)]
    public void Visible_text_is_more_than_white_space_and_invisible_characters(string? value, bool visible) =>
        Assert.Equal(visible, TextChecks.HasVisibleText(value));
}
