using Comments.Core.Text;
using Comments.Scoring.Features;
using Comments.Scoring.Signals;

namespace Comments.Scoring.Tests.Signals;

public sealed class SolicitationTests
{
    private static string? Find(string raw)
    {
        var text = TextNormalizer.Normalize(raw);
        var buffer = new FeatureBuffer();
        TextFeaturizer.Featurize(text, buffer);
        return Solicitation.Find(text, buffer.Tokens);
    }

    [Theory]
    [InlineData("I got hacked, but a recovery expert got my account back in hours. Reach him on Telegram @fixer", "money \"recovery expert\"")]
    [InlineData("Are you looking for a reliable plumber? We offer emergency plumbing 24/7 at affordable rates, call today.", "offer \"we offer\"")]
    [InlineData("Best CBD gummies for sleep. Order now and get 50% off your first bottle.", "offer \"50% off\"")]
    [InlineData("I am a work from home mom and I make $450 a day online with just my laptop.", "money \"$450 a day\"")]
    [InlineData("Call QuickBooks support phone number 1 800 555 0173 for instant help, 24 hours toll free.", "contact \"a phone number\"")]
    [InlineData("I want to thank Dr. Okosun for bringing my husband back with his powerful love spell. Contact him today.", "testimonial \"love spell\"")]
    [InlineData("Email drabubakar@gmail.com for a spell caster who brings your ex back", "contact \"drabubakar@gmail.com\"")]
    public void A_sales_pitch_is_named(string text, string part) => Assert.Contains(part, Find(text));

    [Theory]
    [InlineData("I called the 800 number on my bill and waited two hours before anyone picked up.")]
    [InlineData("The store had 50% off all winter coats last weekend, so I finally replaced my old one.")]
    [InlineData("He made $20 an hour at the warehouse and still couldn't afford rent in this city.")]
    [InlineData("Payday lenders charge 400% interest and this bill would finally cap it.")]
    [InlineData("Contact your local representative, their email is on the city website.")]
    [InlineData("Write to me at ann@example.org or bob@example.org if you want the photos.")] // two addresses are one way to reach someone
    [InlineData("We got 20% off and then a further discount at the till.")] // one offer, said twice
    [InlineData("The company made $4 billion in profit last year and still laid off 2,000 workers.")]
    public void Ordinary_talk_of_money_offers_or_numbers_is_not_a_pitch(string text) => Assert.Null(Find(text));
}
