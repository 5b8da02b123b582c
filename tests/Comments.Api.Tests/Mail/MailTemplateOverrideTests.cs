using Comments.Api.Mail;
using Microsoft.Extensions.Options;

namespace Comments.Api.Tests.Mail;

/// <summary>
/// <c>Mail:TemplateDir</c> replaces shipped templates per part, most specific first: site and language,
/// site, language, every site; then the shipped language, then shipped English.
/// </summary>
public sealed class MailTemplateOverrideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("comments-templates-").FullName;

    private MailTemplates Templates => new(Options.Create(new MailOptions { TemplateDir = _dir }));

    private string Text(string site, string language) =>
        Templates.Render(site, language, MailTemplates.Reply, new Dictionary<string, string> { ["author"] = "Bob <b>" }).Text;

    private void Write(string text, params string[] path)
    {
        var file = Path.Combine([_dir, .. path]);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);
    }

    [Fact]
    public void The_most_specific_file_wins_and_removing_it_falls_back_one_step_at_a_time()
    {
        Write("site+lang {{author}}", "blog1", "de", "reply.txt");
        Write("site {{author}}", "blog1", "reply.txt");
        Write("lang {{author}}", "de", "reply.txt");
        Write("all {{author}}", "reply.txt");

        Assert.Equal("site+lang Bob <b>", Text("blog1", "de"));
        Assert.Equal("site Bob <b>", Text("blog1", "fr")); // another language of the same site
        Assert.Equal("lang Bob <b>", Text("blog2", "de")); // the same language on another site
        Assert.Equal("all Bob <b>", Text("blog2", "fr"));

        File.Delete(Path.Combine(_dir, "blog1", "de", "reply.txt"));
        Assert.Equal("site Bob <b>", Text("blog1", "de"));
        File.Delete(Path.Combine(_dir, "blog1", "reply.txt"));
        Assert.Equal("lang Bob <b>", Text("blog1", "de"));
        File.Delete(Path.Combine(_dir, "de", "reply.txt"));
        Assert.Equal("all Bob <b>", Text("blog1", "de"));
        File.Delete(Path.Combine(_dir, "reply.txt"));
        Assert.StartsWith("Bob <b> hat auf deinen Kommentar zu „", Text("blog1", "de"), StringComparison.Ordinal); // shipped German
    }

    [Fact]
    public void An_override_replaces_one_part_only_and_html_values_are_encoded()
    {
        Write("<p>{{author}} {{comment_html}}</p>", "de", "reply.html");
        var (text, html) = Templates.Render("blog1", "de", MailTemplates.Reply,
            new Dictionary<string, string> { ["author"] = "Bob <b>", ["comment_html"] = "<strong>ok</strong>" });
        Assert.Equal("<p>Bob &lt;b&gt; <strong>ok</strong></p>", html);
        Assert.StartsWith("Bob <b> hat auf deinen Kommentar", text, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
