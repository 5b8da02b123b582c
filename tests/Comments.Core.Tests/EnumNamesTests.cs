using Comments.Core.Comments;
using Comments.Core.Moderation;
using Comments.Core.Storage;

namespace Comments.Core.Tests;

public sealed class EnumNamesTests
{
    [Fact]
    public void An_enum_value_is_spelled_as_its_name_in_lower_case_wherever_it_leaves_the_code()
    {
        Assert.Equal("pending", CommentStatus.Pending.ToLowerName());
        Assert.Equal("email", BanKind.Email.ToLowerName());
        Assert.Equal("admin", ModeratorRole.Admin.ToLowerName());
        // The spellings the store and the audit log already hold are these, so they must not change.
        Assert.Equal("email:ann", Ban.IdOf(BanKind.Email, "ann"));
        Assert.Equal("published", CommentDecisions.Name(CommentStatus.Published));
    }
}
