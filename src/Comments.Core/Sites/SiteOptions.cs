namespace Comments.Core.Sites;

public enum ModerationMode
{
    /// <summary>Comments are published at once unless a rule or the model holds them.</summary>
    Post,
    /// <summary>Every comment waits for a moderator.</summary>
    Pre,
}

/// <summary>What a swear word that is not aimed at anyone does ("this is fucking brilliant").</summary>
public enum ProfanityPolicy
{
    /// <summary>Published, unless the comment attacks someone (insults, slurs at someone, threats are held whatever the words).</summary>
    Allow,
    /// <summary>Held for a moderator (an author trusted by the site skips this hold).</summary>
    Hold,
}

/// <summary>One site (a blog, a news site) as configured in the <c>Sites</c> section.</summary>
public sealed class SiteOptions
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    /// <summary>Origins allowed by CORS; <c>*</c> stands for any port or any host label (<c>http://localhost:*</c>).</summary>
    public List<string> AllowedOrigins { get; set; } = [];
    public ModerationMode ModerationMode { get; set; } = ModerationMode.Post;
    /// <summary>The readers' language for pages the server renders (the no-JavaScript form's errors): en, de, fr, es, ru, uk, ko or ar; null follows the browser.</summary>
    public string? Language { get; set; }
    public bool RequireNameAndEmail { get; set; } = true;
    /// <summary>Reader flags that put a published comment on the moderators' reported queue.</summary>
    public int FlagThreshold { get; set; } = 3;
    /// <summary>Threads stop taking comments this many days after their first comment; null keeps them open.</summary>
    public int? AutoCloseAfterDays { get; set; }
    /// <summary>Depth of the deepest reply; a top-level comment has depth 0.</summary>
    public int MaxDepth { get; set; } = 5;
    /// <summary>Minimum seconds between two comments from the same email or IP; 0 turns the check off.</summary>
    public int FloodIntervalSeconds { get; set; } = 15;
    /// <summary>Minutes after posting during which an author may edit or delete their comment (with the token the submission returned); 0 turns it off. Fractions are allowed (0.05 is 3 seconds).</summary>
    public double AuthorEditWindowMinutes { get; set; } = 10;

    /// <summary>Words or phrases that send a comment straight to spam (WordPress "Disallowed Comment Keys").</summary>
    public List<string> BlockedWords { get; set; } = [];
    /// <summary>Words or phrases that hold a comment for a moderator (WordPress "Comment Moderation" words).</summary>
    public List<string> SuspectWords { get; set; } = [];
    /// <summary>A comment with this many links or more is held; 0 turns the check off (WordPress default 2).</summary>
    public int HoldAtLinks { get; set; } = 2;
    /// <summary>Friendly profanity is published (Allow, the default) or held (Hold); attacks are held either way.</summary>
    public ProfanityPolicy Profanity { get; set; } = ProfanityPolicy.Allow;
    /// <summary>URLs called (signed, retried through the outbox) when a comment of this site is published.</summary>
    public List<SiteWebhook> Webhooks { get; set; } = [];
    /// <summary>The From of this site's mails (<c>Blog &lt;blog@example.com&gt;</c>); <c>Mail:From</c> when empty.</summary>
    public string? MailFrom { get; set; }
    /// <summary>The Reply-To of this site's mails; none when empty.</summary>
    public string? MailReplyTo { get; set; }
    /// <summary>The site's RSS 2.0 or Atom feed: new items are announced to the new-posts subscribers (the first read only records what is there). Empty: no polling.</summary>
    public string? FeedUrl { get; set; }
    /// <summary>Minutes between two reads of <see cref="FeedUrl"/> (by one node at a time). Fractions allowed.</summary>
    public double FeedPollMinutes { get; set; } = 30;
    /// <summary>The heading of the sign-up box (<c>signup.js</c>); empty: "Get new posts by email" in the reader's language.</summary>
    public string? SignupHeading { get; set; }
    /// <summary>The consent text under the sign-up box's field; empty: the shipped text in the reader's language.</summary>
    public string? SignupText { get; set; }
    /// <summary>What an erasure by email does with the author's text: Keep (default; signed "Anonymous") or Delete.</summary>
    public PersonalData.ErasedTextPolicy ErasedText { get; set; } = PersonalData.ErasedTextPolicy.Keep;
    /// <summary>Days after which a comment's IP, user agent and email (and its place in the email digest's author index) are purged by the retention job; 0 keeps them. Fractions allowed.</summary>
    public double RetainPersonalDataDays { get; set; }
    /// <summary>Model thresholds and trust for this site.</summary>
    public ModelThresholds Thresholds { get; set; } = new();
}

/// <summary>
/// How model scores become decisions (pipeline steps 7 and 8). Scores at or above a "hold"
/// threshold but below the hard one are borderline: an author with enough published comments
/// and no recent rejection skips such a hold.
/// </summary>
public sealed class ModelThresholds
{
    // The one place the defaults live, chosen from the decision tables of the shipped models
    // (models/README.md, "Recommended thresholds"); Comments.Scoring.RecommendedThresholds reads these.
    public const double DefaultSpam = 0.60, DefaultSpamHold = 0.20, DefaultToxicity = 0.70, DefaultToxicityHold = 0.40;

    public double Spam { get; set; } = DefaultSpam;
    public double SpamHold { get; set; } = DefaultSpamHold;
    public double Toxicity { get; set; } = DefaultToxicity;
    public double ToxicityHold { get; set; } = DefaultToxicityHold;
    /// <summary>Published comments an email needs before its borderline holds are skipped (Coral uses 2); 0 turns trust off.</summary>
    public int TrustAfterPublished { get; set; } = 2;
}
