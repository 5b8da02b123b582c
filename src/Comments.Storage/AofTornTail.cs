using System.Buffers.Binary;

namespace Comments.Storage;

/// <summary>
/// A kill -9 while the append-only file is being flushed can leave a torn record at its end: the file flushes whole
/// 512-byte sectors from the page in memory, and a sector can hold the start of a record another thread is still
/// writing. Nothing acknowledged is in that record (a reply waits until its commit is on disk, and a commit is written
/// after what it covers). But Garnet 2.2.8's recovery (Tsavorite's fast-commit mode: a forward scan for commit records
/// from the last commit metadata file) takes a commit record whose version field is there and whose other fields read
/// as zeros (cut off by the end of the file, or not yet filled in when its sector was flushed) for a valid commit
/// "up to address 0", recovers none of the file's commits, and serves without every write since the last checkpoint.
/// Before Garnet opens the folder, <see cref="Repair"/> walks the log from the last commit metadata file the way that
/// scan does and blanks the header of a torn record at the end, so the scan ends at the last whole commit.
/// The layout read here is Tsavorite's log without checksums: a 4-byte length before each record (negative for a
/// commit record), records 4-byte aligned, never across a page, a zero length at the end of a page's records.
/// </summary>
internal static class AofTornTail
{
    private const int HeaderBytes = 4;

    /// <summary>A commit record's body without a cookie: what Garnet writes.</summary>
    private const int CommitBodyBytes = 40;

    /// <summary>The last commit a commit metadata file records (the highest-numbered file that reads as one), or null when there is none.</summary>
    public static LastCommit? Last(string aofDir)
    {
        var commits = Path.Combine(aofDir, "log-commits");
        if (!Directory.Exists(commits)) return null;
        foreach (var file in Directory.EnumerateFiles(commits, "commit.*").OrderByDescending(CommitNumber))
        {
            if (Read(file) is { } commit) return commit;
        }
        return null;
    }

    /// <summary>Blanks the header of a torn record at the end of the log after <paramref name="last"/>; returns its address, or null when the log ends cleanly.</summary>
    public static long? Repair(string aofDir, LastCommit last, int pageBits, int segmentBits)
    {
        using var log = new SegmentedLog(aofDir, pageBits, segmentBits);
        // The walk starts only where the log itself confirms it: right after the commit record of that same commit.
        // Anywhere else (a metadata file the log does not match) nothing is touched, and Garnet does what it does.
        var anchor = last.Until - HeaderBytes - CommitBodyBytes;
        if (log.Record(anchor) is not { Length: -CommitBodyBytes, Body: var body } || ReadCommit(body) != last) return null;

        var address = last.Until;
        while (log.Record(address) is { } record)
        {
            if (record.Length == 0)
            {
                // The rest of this page is empty: the log goes on at the next page, or ends here when a page starts empty.
                if (log.OnPage(address) == 0) return null;
                address = log.NextPage(address);
                continue;
            }
            var size = HeaderBytes + ((Math.Abs((long)record.Length) + 3) & ~3L);
            // Not a record Garnet's scan would read either: leave it to Garnet.
            if (record.Length == int.MinValue || log.OnPage(address) + size > log.PageSize) return null;
            var cutOff = record.Body.Length < Math.Abs((long)record.Length);
            var tornCommit = record.Length == -CommitBodyBytes && (cutOff || ReadCommit(record.Body) is not { } commit || commit.Until != address + size);
            if (cutOff || tornCommit)
            {
                // Only the log's last record: one with more of the log after it is not a crash's tail.
                if (!cutOff && !log.EndsAfter(address + size)) return null;
                log.Blank(address);
                return address;
            }
            address += size;
        }
        return null;
    }

    private static long CommitNumber(string file) =>
        long.TryParse(Path.GetFileName(file).Split('.') is [_, var number, ..] ? number : null, out var n) ? n : -1;

    /// <summary>A commit metadata file: its length, then the commit's body (<see cref="ReadCommit"/>). Null when the file is not one.</summary>
    private static LastCommit? Read(string file)
    {
        try
        {
            var bytes = File.ReadAllBytes(file);
            if (bytes.Length < 4 + CommitBodyBytes) return null;
            var length = BinaryPrimitives.ReadInt32LittleEndian(bytes);
            return length < CommitBodyBytes || length > bytes.Length - 4 ? null : ReadCommit(bytes.AsSpan(4, length));
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Version (4 bytes), checksum, begin address, until address, commit number (8 bytes each), cookie length (4; -1:
    /// none, which is what Garnet writes); the checksum is the XOR of the four after it. Null unless it is a whole
    /// commit of an address past zero.
    /// </summary>
    private static LastCommit? ReadCommit(ReadOnlySpan<byte> body)
    {
        if (body.Length < CommitBodyBytes) return null;
        var version = BinaryPrimitives.ReadInt32LittleEndian(body);
        var checksum = BinaryPrimitives.ReadInt64LittleEndian(body[4..]);
        var begin = BinaryPrimitives.ReadInt64LittleEndian(body[12..]);
        var until = BinaryPrimitives.ReadInt64LittleEndian(body[20..]);
        var number = BinaryPrimitives.ReadInt64LittleEndian(body[28..]);
        var cookie = BinaryPrimitives.ReadInt32LittleEndian(body[36..]);
        // A 40-byte body has room for no cookie bytes: its length is -1 (none) or 0 (empty), and the cookie adds nothing to the checksum.
        var whole = version is 0 or 1 && cookie is -1 or 0 && checksum == (begin ^ until ^ number ^ cookie) && until > 0 && begin >= 0 && until >= begin;
        return whole ? new LastCommit(until, number) : null;
    }

    /// <summary>The append-only file's segments (aof.log.0, aof.log.1, …), read and written by logical address.</summary>
    private sealed class SegmentedLog(string aofDir, int pageBits, int segmentBits) : IDisposable
    {
        private FileStream? _segment;
        private long _segmentIndex = -1;

        public long PageSize => 1L << pageBits;

        public long OnPage(long address) => address & (PageSize - 1);

        public long NextPage(long address) => address - OnPage(address) + PageSize;

        /// <summary>The record's length header and as much of its body as the file holds; null past the end of the file.</summary>
        public (int Length, byte[] Body)? Record(long address)
        {
            if (address < 0 || Segment(address) is not { } segment) return null;
            var offset = Offset(address);
            var header = new byte[HeaderBytes];
            if (RandomAccess.Read(segment.SafeFileHandle, header, offset) < HeaderBytes) return null;
            var length = BinaryPrimitives.ReadInt32LittleEndian(header);
            if (length is 0 or int.MinValue) return (length, []);
            var body = new byte[Math.Min(Math.Abs((long)length), Math.Max(0, segment.Length - offset - HeaderBytes))];
            var read = RandomAccess.Read(segment.SafeFileHandle, body, offset + HeaderBytes);
            return (length, body[..read]);
        }

        /// <summary>Whether nothing of the log follows <paramref name="address"/>: neither on its page nor on the next.</summary>
        public bool EndsAfter(long address)
        {
            if (Record(address) is not (null or { Length: 0 })) return false;
            return OnPage(address) == 0 || Record(NextPage(address)) is null or { Length: 0 };
        }

        public void Blank(long address)
        {
            var segment = Segment(address)!;
            RandomAccess.Write(segment.SafeFileHandle, new byte[HeaderBytes], Offset(address));
            segment.Flush(flushToDisk: true);
        }

        private long Offset(long address) => address & ((1L << segmentBits) - 1);

        private FileStream? Segment(long address)
        {
            if (address >> segmentBits == _segmentIndex) return _segment;
            _segment?.Dispose();
            _segment = null;
            _segmentIndex = address >> segmentBits;
            var path = Path.Combine(aofDir, $"aof.log.{_segmentIndex}");
            return _segment = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None) : null;
        }

        public void Dispose() => _segment?.Dispose();
    }
}

/// <param name="Until">The log address up to which the commit covers.</param>
/// <param name="Number">The commit's number (the metadata file's name).</param>
internal readonly record struct LastCommit(long Until, long Number);
