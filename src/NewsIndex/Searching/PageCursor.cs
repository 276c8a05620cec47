using System.Buffers.Binary;
using System.Text;
using Lucene.Net.Search;
using NewsIndex.Mapping;
using NewsIndex.Results;

namespace NewsIndex.Searching;

/// <summary>
/// A search-after position that survives merges and deletes: the last hit's sort values plus its article id's hash
/// (the tie-breaker, <see cref="FieldNames.HashId"/>) and the id itself, never Lucene's internal document number. Opaque to callers (base64url), versioned, bound to the query
/// and sort it came from, and checked (length, checksum, ranges) so a forged, truncated or foreign cursor is refused
/// instead of producing a wrong page.
/// </summary>
/// <remarks>
/// Layout (version 2, big-endian): version byte, sort byte, 8-byte query fingerprint, 4-byte score bits, 8-byte date
/// (milliseconds; <see cref="long.MinValue"/> when undated), 4-byte returned count, 2-byte id length, the UTF-8 id,
/// 4-byte FNV-1a checksum of everything before it. The id's hash is recomputed from the id, so a cursor cannot carry
/// a hash that disagrees with its id. Date order is (date, id); relevance order is (score, id).
/// </remarks>
internal sealed record PageCursor(SortOrder Sort, ulong QueryFingerprint, float Score, long Published, int Returned, string Id)
{
    private const byte Version = 2;
    private const int FixedLength = 1 + 1 + 8 + 4 + 8 + 4 + 2 + 4;

    /// <summary>The cursor after the last hit of a page: its date (date order, read from the sort values) or score
    /// (relevance order), and its article id.</summary>
    public static PageCursor After(ScoreDoc last, string id, SortOrder sort, ulong fingerprint, int returned) =>
        sort == SortOrder.Date && last is FieldDoc field
            ? new PageCursor(sort, fingerprint, 0f, ToInt64(field.Fields[0]), returned, id)
            : new PageCursor(sort, fingerprint, float.IsNaN(last.Score) ? 0f : last.Score, long.MinValue, returned, id);

    /// <summary>The opaque text form.</summary>
    public string Encode()
    {
        var id = Encoding.UTF8.GetBytes(Id);
        var bytes = new byte[FixedLength + id.Length];
        var span = bytes.AsSpan();
        span[0] = Version;
        span[1] = (byte)(Sort == SortOrder.Date ? 'd' : 'r');
        BinaryPrimitives.WriteUInt64BigEndian(span[2..], QueryFingerprint);
        BinaryPrimitives.WriteInt32BigEndian(span[10..], BitConverter.SingleToInt32Bits(Score));
        BinaryPrimitives.WriteInt64BigEndian(span[14..], Published);
        BinaryPrimitives.WriteInt32BigEndian(span[22..], Returned);
        BinaryPrimitives.WriteUInt16BigEndian(span[26..], (ushort)id.Length);
        id.CopyTo(span[28..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[^4..], Checksum(span[..^4]));
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a cursor and checks that it belongs to this query and sort.</summary>
    /// <exception cref="ArgumentException">The cursor is malformed, damaged, or from another query or sort.</exception>
    public static PageCursor Decode(string text, SortOrder sort, ulong fingerprint)
    {
        var bytes = FromBase64Url(text) ?? throw Invalid(text, "it is not a cursor this library wrote");
        var span = bytes.AsSpan();
        if (span.Length < FixedLength || span[0] != Version)
        {
            throw Invalid(text, span.Length > 0 && span[0] != Version ? $"unknown cursor version {span[0]}" : "it is truncated");
        }

        if (BinaryPrimitives.ReadUInt32BigEndian(span[^4..]) != Checksum(span[..^4]))
        {
            throw Invalid(text, "its checksum does not match (damaged or edited)");
        }

        var idLength = BinaryPrimitives.ReadUInt16BigEndian(span[26..]);
        if (span.Length != FixedLength + idLength || idLength == 0)
        {
            throw Invalid(text, "its length does not match its content");
        }

        var cursorSort = span[1] switch
        {
            (byte)'d' => SortOrder.Date,
            (byte)'r' => SortOrder.Relevance,
            _ => throw Invalid(text, "unknown sort"),
        };
        if (cursorSort != sort)
        {
            throw Invalid(text, $"it was made for {cursorSort} order, this search sorts by {sort}");
        }

        if (BinaryPrimitives.ReadUInt64BigEndian(span[2..]) != fingerprint)
        {
            throw Invalid(text, "it was made for another query");
        }

        var score = BitConverter.Int32BitsToSingle(BinaryPrimitives.ReadInt32BigEndian(span[10..]));
        var returned = BinaryPrimitives.ReadInt32BigEndian(span[22..]);
        if (!float.IsFinite(score) || returned < 1)
        {
            throw Invalid(text, "its values are out of range");
        }

        string id;
        try
        {
            id = new UTF8Encoding(false, true).GetString(span.Slice(28, idLength));
        }
        catch (DecoderFallbackException)
        {
            throw Invalid(text, "its article id is not valid UTF-8");
        }

        return new PageCursor(sort, fingerprint, score, BinaryPrimitives.ReadInt64BigEndian(span[14..]), returned, id);
    }

    /// <summary>A stable 64-bit FNV-1a hash of the query text and sort: what a cursor is bound to (the same hash as
    /// <see cref="FieldNames.HashId"/>).</summary>
    public static ulong Fingerprint(string query, SortOrder sort) => unchecked((ulong)FieldNames.HashId($"{sort}\n{query}"));

    private static uint Checksum(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    private static byte[]? FromBase64Url(string text)
    {
        if (text.Length is 0 or > 4096)
        {
            return null;
        }

        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        var buffer = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, buffer, out var written) ? buffer[..written] : null;
    }

    private static long ToInt64(object value) => value is J2N.Numerics.Number number ? number.ToInt64() : long.MinValue;

    private static ArgumentException Invalid(string text, string why) =>
        new($"invalid paging cursor \"{(text.Length > 40 ? text[..40] + "…" : text)}\": {why}. Use the NextCursor of a previous result of the same query and sort.");
}
