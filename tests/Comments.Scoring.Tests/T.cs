namespace Comments.Scoring.Tests; public class T { [Fact] public void A() => Assert.True(true); }
