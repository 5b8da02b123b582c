namespace Comments.Scoring; internal static class Placeholder {}
