using System.Buffers.Binary;

namespace Comments.Storage;

/// <summary>
/// A kill -9 while the append-only file is being flushed can leave the file ending inside a record: the sector that
/// holds a record's header was written, the sector with the rest of it was not. Nothing acknowledged is in that
/// record (a reply waits until its commit is on disk, and a commit is written after what it covers), but Garnet 2.2.8
/// (Tsavorite's fast-commit recovery, which scans forward from the last commit metadata file) then recovers none of
/// the file's commits: it starts with an empty log and serves without every write since the last checkpoint.
/// Before Garnet opens the folder, <see cref="Repair"/> walks the log from the last commit metadata file the way that
/// scan does and blanks the header of a record the file cuts off, so the scan ends at the last whole commit.
/// The layout read here is Tsavorite's log without checksums: a 4-byte length before each record (negative for a
/// commit record), records 4-byte aligned, never across a page, a zero length at the end of a page's records.
/// </summary>
internal static class AofTornTail
{
    private const int HeaderBytes = 4;

    /// <summary>The logical address the last commit metadata file says is committed, or null when there is none.</summary>
    public static long? CommittedUntil(string aofDir)
    {
        var commits = Path.Combine(aofDir, "log-commits");
        if (!Directory.Exists(commits)) return null;
        foreach (var file in Directory.EnumerateFiles(commits, "commit.*").OrderByDescending(CommitNumber))
        {
            if (ReadUntilAddress(file) is { } until) return until;
        }
        return null;
    }

    /// <summary>Blanks the header of a record that runs past the end of the file; returns its address, or null when the log ends cleanly.</summary>
    public static long? Repair(string aofDir, int pageBits, int segmentBits)
    {
        if (CommittedUntil(aofDir) is not { } address) return null;
        var pageSize = 1L << pageBits;
        FileStream? segment = null;
        var segmentIndex = -1L;
        var header = new byte[HeaderBytes];
        try
        {
            while (true)
            {
                if (address >> segmentBits != segmentIndex)
                {
                    segment?.Dispose();
                    segmentIndex = address >> segmentBits;
                    var path = Path.Combine(aofDir, $"aof.log.{segmentIndex}");
                    if (!File.Exists(path)) return null;
                    segment = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                }
                var offset = address & ((1L << segmentBits) - 1);
                var onPage = address & (pageSize - 1);
                if (RandomAccess.Read(segment!.SafeFileHandle, header, offset) < HeaderBytes) return null;
                var length = BinaryPrimitives.ReadInt32LittleEndian(header);
                if (length == 0)
                {
                    // The rest of this page is empty: the log goes on at the next page, or ends here when a page starts empty.
                    if (onPage == 0) return null;
                    address += pageSize - onPage;
                    continue;
                }
                if (length == int.MinValue) return null;
                var size = HeaderBytes + ((Math.Abs(length) + 3) & ~3L);
                // Not a record Garnet's scan would read either: leave it to Garnet.
                if (onPage + size > pageSize) return null;
                if (offset + size > segment.Length)
                {
                    RandomAccess.Write(segment.SafeFileHandle, new byte[HeaderBytes], offset);
                    segment.Flush(flushToDisk: true);
                    return address;
                }
                address += size;
            }
        }
        finally
        {
            segment?.Dispose();
        }
    }

    private static long CommitNumber(string file) =>
        long.TryParse(Path.GetFileName(file).Split('.') is [_, var number, ..] ? number : null, out var n) ? n : -1;

    /// <summary>
    /// A commit metadata file: its length, then version (4 bytes), checksum, begin address, until address and commit
    /// number (8 bytes each). Null when the file is not one.
    /// </summary>
    private static long? ReadUntilAddress(string file)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < 4 + 36) return null;
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
            if (length < 36 || length > bytes.Length - 4) return null;
            var version = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4));
            var begin = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(16));
            var until = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(24));
            return version is 0 or 1 && begin >= 0 && until >= begin && until > 0 ? until : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
