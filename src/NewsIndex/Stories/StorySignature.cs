using System.Buffers.Binary;
using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Stories;

/// <summary>
/// What story assignment keeps of one article, compact enough to store beside it so the assigner can be rebuilt
/// without re-reading the text: the publication day, a hash of the normalised text, 16 MinHash band keys of the body,
/// the weighted words of title and lead (hashed), the tagged entities (hashed), and the ages title and lead give
/// ("a 15-year-old", "aged 3": the victims and suspects one event is about). About 300–500 bytes.
/// </summary>
/// <remarks>Immutable and thread-safe. <see cref="ToBytes"/> and <see cref="FromBytes"/> round-trip exactly.</remarks>
public sealed class StorySignature : IEquatable<StorySignature>
{
    /// <summary>Number of MinHash bands (of <see cref="RowsPerBand"/> one-permutation hashes each) of a body.</summary>
    public const int BandCount = 16;

    /// <summary>MinHash values per band.</summary>
    public const int RowsPerBand = 2;

    private const byte FormatVersion = 2; // 2 added the ages; version 1 (no ages) still reads
    private const int MaxAges = 16;
    private const int ShingleWords = 4;
    private const int MinShingles = 8;
    private const int MaxBodyWords = 4000;
    private const float WeightScale = 4f;
    private const int MaxWeight = 0x7F;
    private const int NameFlag = 0x80;

    private static readonly uint OldWord = StoryText.Hash("old");
    private static readonly uint YearWord = StoryText.Hash("year");
    private static readonly uint MonthWord = StoryText.Hash("month");
    private static readonly uint WeekWord = StoryText.Hash("week");
    private static readonly uint AgedWord = StoryText.Hash("aged");

    [ThreadStatic]
    private static SignatureScratch? t_scratch;

    internal StorySignature(int? day, ulong contentHash, uint[] bands, uint[] words, byte[] weights, uint[] entities, uint[] about, uint[] ages)
    {
        Ages = ages;
        Day = day;
        ContentHash = contentHash;
        Bands = bands;
        Words = words;
        Weights = weights;
        Entities = entities;
        About = about;
        NameCount = weights.Count(w => (w & NameFlag) != 0);
    }

    /// <summary>The UTC publication day as days since 0001-01-01, or null when the article is undated.</summary>
    public int? Day { get; }

    /// <summary>A 64-bit hash of the normalised words of title and body: equal for the same text re-added.</summary>
    public ulong ContentHash { get; }

    /// <summary>Number of weighted words of title and lead kept for rewrite matching.</summary>
    public int WordCount => Words.Length;

    /// <summary>Number of distinct tagged entities.</summary>
    public int EntityCount => Entities.Length;

    /// <summary>True when the body was long enough for near-duplicate fingerprints.</summary>
    public bool HasFingerprint => Bands.Length == BandCount;

    internal uint[] Bands { get; }

    /// <summary>Word hashes, sorted ascending.</summary>
    internal uint[] Words { get; }

    /// <summary>Weight of each word (× 4, rounded, in the low 7 bits; the high bit marks a name), parallel to <see cref="Words"/>.</summary>
    internal byte[] Weights { get; }

    /// <summary>Entity hashes (kind in the top two bits), sorted.</summary>
    internal uint[] Entities { get; }

    /// <summary>The prominent entities' hashes, sorted; a subset of <see cref="Entities"/>.</summary>
    internal uint[] About { get; }

    /// <summary>Hashes of the ages (number and unit: "15-year-old", "9-month-old") in title and lead, sorted.</summary>
    internal uint[] Ages { get; }

    /// <summary>Computes the signature of an article and its tagged entities.</summary>
    /// <remarks>Pure and thread-safe: callers may sign on several threads and assign on one.</remarks>
    public static StorySignature Create(Article article, ArticleEntities entities, StoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(entities);
        options ??= StoryOptions.Default;
        var scratch = t_scratch ??= new SignatureScratch();
        scratch.Reset();

        // Title words, weighted; the content hash covers the whole title.
        scratch.Weight = (float)options.TitleWeight;
        scratch.NameWeight = 1f;
        var mainTitle = StoryText.MainTitle(article.Title);
        var reader = new StoryText.WordReader(mainTitle);
        for (var n = 0; n < 64 && reader.Next(out var word); n++)
        {
            scratch.AddTerm(word);
            scratch.ReadAge(word);
        }

        reader = new StoryText.WordReader(article.Title);
        for (var n = 0; n < MaxBodyWords && reader.Next(out var word); n++)
        {
            scratch.AddContent(word.Hash);
        }

        scratch.AddContent(0x9e3779b9);

        // One pass over the body: its first LeadWords words are the lead, every word feeds the content hash and the
        // MinHash over 4-word shingles.
        scratch.Weight = 1f;
        scratch.NameWeight = (float)options.NameWeight;
        reader = new StoryText.WordReader(article.Body);
        var leadWords = options.LeadWords;
        scratch.StartText();
        for (var n = 0; n < MaxBodyWords && reader.Next(out var word); n++)
        {
            if (n < leadWords)
            {
                scratch.AddTerm(word);
                scratch.ReadAge(word);
            }

            scratch.AddShingleWord(word.Hash);
        }

        var (words, weights) = scratch.Terms();
        var named = scratch.NamedCountries(entities.Mentions);
        return new StorySignature(
            article.Published is { } published ? DayNumber(published) : null,
            scratch.Content,
            scratch.Shingles >= MinShingles ? scratch.BandKeys() : [],
            words,
            weights,
            EntityHashes(entities.Mentioned, named),
            EntityHashes(entities.About, named),
            scratch.Ages());
    }

    /// <summary>The day number used for <see cref="Day"/>: days since 0001-01-01 of the UTC date.</summary>
    public static int DayNumber(DateTimeOffset time) => (int)(time.UtcTicks / TimeSpan.TicksPerDay);

    /// <summary>Serialises the signature (little-endian, versioned).</summary>
    public byte[] ToBytes()
    {
        var size = 1 + 1 + 4 + 8 + 1 + (Bands.Length * 4) + 2 + (Words.Length * 5) + 1 + (Entities.Length * 4) + 1 + (About.Length * 4) + 1 + (Ages.Length * 4);
        var bytes = new byte[size];
        var span = bytes.AsSpan();
        span[0] = FormatVersion;
        span[1] = Day is null ? (byte)0 : (byte)1;
        BinaryPrimitives.WriteInt32LittleEndian(span[2..], Day ?? 0);
        BinaryPrimitives.WriteUInt64LittleEndian(span[6..], ContentHash);
        var at = 14;
        span[at++] = (byte)Bands.Length;
        foreach (var band in Bands)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], band);
            at += 4;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(span[at..], (ushort)Words.Length);
        at += 2;
        for (var i = 0; i < Words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], Words[i]);
            span[at + 4] = Weights[i];
            at += 5;
        }

        at = WriteHashes(span, at, Entities);
        at = WriteHashes(span, at, About);
        WriteHashes(span, at, Ages);
        return bytes;
    }

    /// <summary>Reads a signature written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="StorySignatureFormatException">The bytes are truncated, of another version or inconsistent.</exception>
    public static StorySignature FromBytes(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        var version = reader.Byte("version");
        if (version is not 1 and not FormatVersion)
        {
            throw new StorySignatureFormatException($"story signature version {version} is not supported (expected 1 to {FormatVersion}) at byte 0");
        }

        var dated = reader.Byte("date flag");
        if (dated > 1)
        {
            throw new StorySignatureFormatException($"story signature date flag {dated} is not 0 or 1 at byte 1");
        }

        var day = reader.Int32("day");
        var content = reader.UInt64("content hash");
        var bandCount = reader.Byte("band count");
        if (bandCount is not 0 and not BandCount)
        {
            throw new StorySignatureFormatException($"story signature band count {bandCount} is not 0 or {BandCount} at byte 14");
        }

        var bands = new uint[bandCount];
        for (var i = 0; i < bands.Length; i++)
        {
            bands[i] = reader.UInt32("band key");
        }

        var wordCount = reader.UInt16("word count");
        var words = new uint[wordCount];
        var weights = new byte[wordCount];
        for (var i = 0; i < wordCount; i++)
        {
            words[i] = reader.UInt32("word");
            weights[i] = reader.Byte("word weight");
            if (i > 0 && words[i] <= words[i - 1])
            {
                throw new StorySignatureFormatException($"story signature words are not sorted at byte {reader.Position - 5}");
            }
        }

        var entities = reader.Hashes("entity");
        var about = reader.Hashes("about entity");
        var ages = version >= 2 ? reader.Hashes("age") : [];
        if (!reader.AtEnd)
        {
            throw new StorySignatureFormatException($"story signature has {bytes.Length - reader.Position} unexpected trailing bytes at byte {reader.Position}");
        }

        return new StorySignature(dated == 1 ? day : null, content, bands, words, weights, entities, about, ages);
    }

    /// <inheritdoc />
    public bool Equals(StorySignature? other) =>
        other is not null && Day == other.Day && ContentHash == other.ContentHash && Bands.AsSpan().SequenceEqual(other.Bands) &&
        Words.AsSpan().SequenceEqual(other.Words) && Weights.AsSpan().SequenceEqual(other.Weights) &&
        Entities.AsSpan().SequenceEqual(other.Entities) && About.AsSpan().SequenceEqual(other.About) && Ages.AsSpan().SequenceEqual(other.Ages);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StorySignature);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Day, ContentHash, Words.Length, Entities.Length);

    /// <inheritdoc />
    public override string ToString() =>
        $"day {(Day is { } d ? DateOnly.FromDayNumber(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "none")}, " +
        $"{Words.Length} words, {Entities.Length} entities, {(HasFingerprint ? "fingerprinted" : "no fingerprint")}";

    internal float WeightOf(int index) => (Weights[index] & MaxWeight) / WeightScale;

    /// <summary>True when the word was capitalised inside a sentence of the lead: a name of a person or place.</summary>
    internal bool IsName(int index) => (Weights[index] & NameFlag) != 0;

    /// <summary>Number of name words (see <see cref="IsName"/>).</summary>
    internal int NameCount { get; private init; }

    private static int WriteHashes(Span<byte> span, int at, uint[] hashes)
    {
        span[at++] = (byte)hashes.Length;
        foreach (var hash in hashes)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[at..], hash);
            at += 4;
        }

        return at;
    }

    /// <summary>
    /// Hashes of the entities the article names itself (every one, or the prominent ones), sorted. A country only implied
    /// by a place in it ("Richmond", "Borno State") is left out: every local report of one country would share it, and
    /// shared entities are evidence of one event.
    /// </summary>
    private static uint[] EntityHashes(EntitySet set, HashSet<string> namedCountries)
    {
        var count = Math.Min(255, set.Countries.Count + set.Forces.Count + set.Bases.Count);
        if (count == 0)
        {
            return [];
        }

        var hashes = new uint[count];
        var at = 0;
        foreach (var kind in (ReadOnlySpan<EntityKind>)[EntityKind.Country, EntityKind.Force, EntityKind.Base])
        {
            foreach (var id in set.Of(kind))
            {
                if (at < hashes.Length && (kind != EntityKind.Country || namedCountries.Contains(id)))
                {
                    hashes[at++] = (StoryText.Hash(id) & 0x3FFFFFFF) | ((uint)kind << 30);
                }
            }
        }

        Array.Resize(ref hashes, at);
        Array.Sort(hashes);
        return hashes;
    }

    /// <summary>Per-thread buffers for <see cref="Create"/>.</summary>
    private sealed class SignatureScratch
    {
        private readonly uint[] _mins = new uint[BandCount * RowsPerBand];
        private readonly ulong[] _window = new ulong[ShingleWords];
        private uint[] _termWords = new uint[256];
        private float[] _termWeights = new float[256];
        private ulong[] _termOrder = new ulong[256];
        private readonly HashSet<string> _named = new(StringComparer.Ordinal);
        private readonly uint[] _ages = new uint[MaxAges];
        private int _ageCount;
        private StoryText.Word _before1;
        private StoryText.Word _before2;
        private int _termCount;

        public float Weight;
        public float NameWeight;
        public ulong Content;
        public int Shingles;
        private int _bodyWords;

        /// <summary>The countries the mentions name themselves (not only implied by a place in them); one pass.</summary>
        public HashSet<string> NamedCountries(ValueList<EntityMention> mentions)
        {
            _named.Clear();
            foreach (var mention in mentions)
            {
                if (mention.Kind == EntityKind.Country && !mention.Implied)
                {
                    _named.Add(mention.Id);
                }
            }

            return _named;
        }

        public void Reset()
        {
            _termCount = 0;
            _ageCount = 0;
            StartText();
            Array.Fill(_mins, uint.MaxValue);
            Content = 0xcbf29ce484222325UL;
            Shingles = 0;
            _bodyWords = 0;
        }

        public void AddTerm(StoryText.Word word)
        {
            if (word.IsStopWord)
            {
                return;
            }

            if (_termCount == _termWords.Length)
            {
                Array.Resize(ref _termWords, _termCount * 2);
                Array.Resize(ref _termWeights, _termCount * 2);
            }

            // A name occurrence carries a negative sign until the terms are merged (weights are positive).
            var isName = word.IsCapitalised && NameWeight != 1f;
            var weight = word.IsCapitalised ? Weight * NameWeight : Weight;
            _termWords[_termCount] = word.Hash;
            _termWeights[_termCount] = isName ? -weight : weight;
            _termCount++;
        }

        /// <summary>Starts a new text for <see cref="ReadAge"/>: an age does not span title and body.</summary>
        public void StartText() => _before1 = _before2 = default;

        /// <summary>
        /// Reads ages from consecutive words: a number, then <c>year</c>, <c>month</c> or <c>week</c>, then <c>old</c>
        /// ("15-year-old", "seven years old", "9-month-old"); or <c>aged</c> then a number ("aged 3").
        /// </summary>
        public void ReadAge(StoryText.Word word)
        {
            if (word.Hash == OldWord && _before2.IsNumber && (_before1.Hash == YearWord || _before1.Hash == MonthWord || _before1.Hash == WeekWord))
            {
                AddAge(_before2.Hash, _before1.Hash);
            }
            else if (word.IsNumber && _before1.Hash == AgedWord)
            {
                AddAge(word.Hash, YearWord);
            }

            _before2 = _before1;
            _before1 = word;
        }

        private void AddAge(uint number, uint unit)
        {
            var age = (uint)StoryText.Mix(((ulong)number << 32) | unit);
            if (_ageCount < _ages.Length && Array.IndexOf(_ages, age, 0, _ageCount) < 0)
            {
                _ages[_ageCount++] = age;
            }
        }

        public uint[] Ages()
        {
            if (_ageCount == 0)
            {
                return [];
            }

            var ages = _ages.AsSpan(0, _ageCount).ToArray();
            Array.Sort(ages);
            return ages;
        }

        public void AddContent(uint hash) => Content = StoryText.Mix(Content ^ hash) + 0x9e3779b97f4a7c15UL;

        public void AddShingleWord(uint hash)
        {
            AddContent(hash);
            _window[_bodyWords % ShingleWords] = hash;
            _bodyWords++;
            if (_bodyWords < ShingleWords)
            {
                return;
            }

            // The shingle hash is order-sensitive: the four words are packed in window order before mixing.
            var first = _bodyWords % ShingleWords;
            var shingle = StoryText.Mix((_window[first] << 32 | _window[(first + 1) % ShingleWords]) ^
                StoryText.Mix((_window[(first + 2) % ShingleWords] << 32) | _window[(first + 3) % ShingleWords]));

            // One-permutation MinHash: the top bits pick a bin, the rest compete for that bin's minimum.
            var bin = (int)(shingle >> 59);
            var value = (uint)shingle;
            if (value < _mins[bin])
            {
                _mins[bin] = value;
            }

            Shingles++;
        }

        public uint[] BandKeys()
        {
            // Densify empty bins from the next non-empty one (rotation), so short bodies still get comparable keys.
            for (var i = 0; i < _mins.Length; i++)
            {
                if (_mins[i] != uint.MaxValue)
                {
                    continue;
                }

                for (var step = 1; step < _mins.Length; step++)
                {
                    var source = _mins[(i + step) % _mins.Length];
                    if (source != uint.MaxValue && source < uint.MaxValue - 1)
                    {
                        _mins[i] = (uint)StoryText.Mix(source + ((ulong)step << 32));
                        break;
                    }
                }
            }

            var keys = new uint[BandCount];
            for (var b = 0; b < BandCount; b++)
            {
                var key = (ulong)b;
                for (var r = 0; r < RowsPerBand; r++)
                {
                    key = StoryText.Mix(key ^ ((ulong)_mins[(b * RowsPerBand) + r] << 8));
                }

                keys[b] = (uint)key;
            }

            return keys;
        }

        public (uint[] Words, byte[] Weights) Terms()
        {
            // Sort (word, occurrence) pairs packed in one 64-bit key: a primitive sort, and each word's occurrences
            // stay in reading order, so its summed weight does not depend on the sort.
            if (_termOrder.Length < _termCount)
            {
                _termOrder = new ulong[_termWords.Length];
            }

            var order = _termOrder.AsSpan(0, _termCount);
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = ((ulong)_termWords[i] << 32) | (uint)i;
            }

            order.Sort();
            var distinct = 0;
            for (var i = 0; i < order.Length; i++)
            {
                distinct += i == 0 || order[i] >> 32 != order[i - 1] >> 32 ? 1 : 0;
            }

            var words = new uint[distinct];
            var weights = new byte[distinct];
            var at = -1;
            var total = 0f;
            var name = false;
            for (var i = 0; i <= order.Length; i++)
            {
                if (i == order.Length || i == 0 || order[i] >> 32 != order[i - 1] >> 32)
                {
                    if (at >= 0)
                    {
                        weights[at] = (byte)(Math.Clamp((int)MathF.Round(total * WeightScale), 1, MaxWeight) | (name ? NameFlag : 0));
                    }

                    if (i == order.Length)
                    {
                        break;
                    }

                    words[++at] = (uint)(order[i] >> 32);
                    total = 0;
                    name = false;
                }

                var weight = _termWeights[(int)(uint)order[i]];
                total += Math.Abs(weight);
                name |= weight < 0;
            }

            return (words, weights);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int Position { get; private set; }

        public readonly bool AtEnd => Position == _bytes.Length;

        public byte Byte(string what) => Take(1, what)[0];

        public ushort UInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));

        public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

        public uint UInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, what));

        public ulong UInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

        public uint[] Hashes(string what)
        {
            var count = Byte(what + " count");
            var hashes = new uint[count];
            for (var i = 0; i < count; i++)
            {
                hashes[i] = UInt32(what);
            }

            return hashes;
        }

        private ReadOnlySpan<byte> Take(int count, string what)
        {
            if (Position + count > _bytes.Length)
            {
                throw new StorySignatureFormatException($"story signature is truncated: {what} at byte {Position} needs {count} byte(s), {_bytes.Length - Position} left");
            }

            var slice = _bytes.Slice(Position, count);
            Position += count;
            return slice;
        }
    }
}
