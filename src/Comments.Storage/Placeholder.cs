namespace Comments.Storage; public static class Placeholder {}
