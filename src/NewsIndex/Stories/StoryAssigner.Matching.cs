using System.Runtime.InteropServices;

namespace NewsIndex.Stories;

/// <summary>Candidate lookup and similarity.</summary>
public sealed partial class StoryAssigner
{
    private static int DayOf(StorySignature signature) => signature.Day ?? PostingList.Undated;

    /// <summary>Indexes an entry without matching it (a restore, or the same text re-added).</summary>
    private void Index(Entry entry)
    {
        var words = entry.Signature.Words;
        EnsureWordScratch(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            _lists[i] = _wordPostings.GetValueOrDefault(words[i]);
        }

        RankKnownWords(words.Length);
        IndexLookedUp(entry);
    }

    /// <summary>
    /// Indexes the entry whose words were just looked up (<see cref="LookUpWords"/> or <see cref="Index"/>): every word
    /// counts one more document; the <see cref="StoryOptions.PostedWords"/> rarest get the entry's key. Words no earlier
    /// article has are the rarest, then the known words in <see cref="RankKnownWords"/> order.
    /// </summary>
    private void IndexLookedUp(Entry entry)
    {
        var key = PostingList.Key(DayOf(entry.Signature), entry.Slot);
        var words = entry.Signature.Words;
        var budget = _options.PostedWords;
        for (var i = 0; i < words.Length; i++)
        {
            if (_lists[i] is null)
            {
                var list = new PostingList { Documents = 1 };
                if (budget > 0)
                {
                    list.Add(key);
                    budget--;
                }

                _wordPostings.Add(words[i], list);
            }
        }

        for (var k = 0; k < _knownWords; k++)
        {
            var list = _lists[_probeOrder[k]]!;
            list.Documents++;
            if (budget > 0)
            {
                list.Add(key);
                budget--;
            }
        }

        foreach (var band in entry.Signature.Bands)
        {
            _bandPostings.Add(band, key);
        }
    }

    private void Unindex(Entry entry)
    {
        var key = PostingList.Key(DayOf(entry.Signature), entry.Slot);
        foreach (var word in entry.Signature.Words)
        {
            if (_wordPostings.TryGetValue(word, out var list))
            {
                list.Remove(key); // absent when the word was not among the entry's posted ones
                if (--list.Documents == 0)
                {
                    _wordPostings.Remove(word);
                }
            }
        }

        foreach (var band in entry.Signature.Bands)
        {
            _bandPostings.Remove(band, key);
        }
    }

    /// <summary>
    /// Inverse document frequency of a word held by <paramref name="documents"/> articles (its posting count, plus one
    /// for the article being assigned when it has the word), with <see cref="StoryOptions.PriorDocuments"/> added to the
    /// collection size.
    /// </summary>
    private double Idf(int documents)
    {
        var n = _articles.Count;
        if (n != _logTotalAt)
        {
            _logTotal = Math.Log(n + 1.0 + _options.PriorDocuments + 1.0);
            _logTotalAt = n;
        }

        return _logTotal - LogOf(documents + 1);
    }

    /// <summary>Natural logarithm of a count, from a table for the counts most words have.</summary>
    private double LogOf(int count)
    {
        if (count >= _logs.Length)
        {
            if (count >= MaxLogTable)
            {
                return Math.Log(count);
            }

            var old = _logs.Length;
            Array.Resize(ref _logs, Math.Min(MaxLogTable, Math.Max(count + 1, old * 2)));
            for (var k = old; k < _logs.Length; k++)
            {
                _logs[k] = Math.Log(k);
            }
        }

        return _logs[count];
    }

    /// <summary>Looks each word of the signature up once: its posting list (null when new) and its IDF, counting the article itself.</summary>
    private void LookUpWords(StorySignature signature)
    {
        var count = signature.Words.Length;
        EnsureWordScratch(count);

        // An open-addressing table of the article's words (index + 1 per cell), so each candidate's words are looked up
        // in it instead of merge-joining two sorted lists (whose branches the processor cannot predict).
        var size = 64;
        while (size < count * 4)
        {
            size *= 2;
        }

        if (_wordTable.Length != size)
        {
            _wordTable = new int[size];
        }
        else
        {
            Array.Clear(_wordTable);
        }

        var mask = size - 1;
        for (var i = 0; i < count; i++)
        {
            var cell = (int)(signature.Words[i] * 0x9E3779B1u >> 16) & mask;
            while (_wordTable[cell] != 0)
            {
                cell = (cell + 1) & mask;
            }

            _wordTable[cell] = i + 1;
        }

        for (var i = 0; i < count; i++)
        {
            var list = _wordPostings.GetValueOrDefault(signature.Words[i]);
            _lists[i] = list;
            _idf[i] = Idf((list?.Documents ?? 0) + 1);
            _idfWithout[i] = Idf(list?.Documents ?? 0);
        }

        RankKnownWords(count);
    }

    private void EnsureWordScratch(int count)
    {
        if (_lists.Length < count)
        {
            _lists = new PostingList?[Math.Max(count, _lists.Length * 2)];
            _idf = new double[_lists.Length];
            _idfWithout = new double[_lists.Length];
            _probeOrder = new int[_lists.Length];
            _probeKeys = new int[_lists.Length];
        }
    }

    /// <summary>Orders the looked-up words that earlier articles have (<see cref="_lists"/> not null) from the rarest up,
    /// into <see cref="_probeOrder"/>; their number goes to <see cref="_knownWords"/>.</summary>
    private void RankKnownWords(int count)
    {
        var known = 0;
        for (var i = 0; i < count; i++)
        {
            if (_lists[i] is { } list)
            {
                _probeKeys[known] = list.Documents;
                _probeOrder[known++] = i;
            }
        }

        Array.Sort(_probeKeys, _probeOrder, 0, known);
        _knownWords = known;
    }

    private (StoryMatch Match, Entry? Matched, double Score) FindMatch(StorySignature signature, out double norm)
    {
        var day = DayOf(signature);
        var (fromDay, toDay) = signature.Day is { } d ? (d - _options.WindowDays, d + _options.WindowDays) : (int.MinValue, PostingList.Undated);
        LookUpWords(signature);
        norm = NormOfLookedUp(signature);
        EnsureSlotArrays();

        // Near-duplicates: bodies whose MinHash bands mostly agree.
        if (signature.HasFingerprint)
        {
            _touched.Clear();
            foreach (var band in signature.Bands)
            {
                if (_bandPostings.Find(band, out var single, out var hasSingle) is { } list)
                {
                    Visit(list, fromDay, toDay, day, _bandCounts, 1);
                }
                else if (hasSingle && InWindow(single, fromDay, toDay, day))
                {
                    Accumulate(PostingList.SlotOf(single), _bandCounts, 1);
                }
            }

            var best = -1;
            var bestCount = 0;
            foreach (var slot in _touched)
            {
                var count = (int)_bandCounts[slot];
                _bandCounts[slot] = 0;
                if (count > bestCount || (count == bestCount && slot < best))
                {
                    (best, bestCount) = (slot, count);
                }
            }

            if (bestCount >= _options.DuplicateBands)
            {
                // With r rows per band, P(band agrees) = J^r: invert the share of agreeing bands to estimate Jaccard.
                var jaccard = Math.Pow((double)bestCount / StorySignature.BandCount, 1.0 / StorySignature.RowsPerBand);
                return (StoryMatch.Duplicate, _slots[best], jaccard);
            }
        }

        // Rewrites: probe the rarest words (fewest documents), then score the candidates that share the most of them.
        _touched.Clear();
        var probes = 0;
        for (var k = 0; k < _knownWords && probes < _options.ProbeWords; k++)
        {
            var i = _probeOrder[k];
            var list = _lists[i]!;
            if (list.Count == 0)
            {
                continue; // no article that has the word posted it (it was not among their rarest)
            }

            if (CountInWindow(list, fromDay, toDay, day) > _options.MaxPostingsPerWord)
            {
                continue;
            }

            probes++;
            Visit(list, fromDay, toDay, day, _scores, (float)_idf[i]);
        }

        if (_touched.Count == 0)
        {
            return (StoryMatch.New, null, 0);
        }

        var ranked = TopCandidates();
        Entry? bestEntry = null;
        var bestMargin = double.NegativeInfinity;
        var bestScore = 0.0;
        foreach (var slot in ranked)
        {
            var candidate = _slots[slot]!;
            var score = Similarity(signature, _idf, norm, candidate.Signature, NormOf(candidate));
            var threshold = signature.Day is null || candidate.Signature.Day is null ? _options.UndatedJoinThreshold : _options.JoinThreshold;
            if (score - threshold > bestMargin)
            {
                (bestEntry, bestMargin, bestScore) = (candidate, score - threshold, score);
            }
        }

        return bestEntry is not null && bestMargin >= 0 ? (StoryMatch.Related, bestEntry, bestScore) : (StoryMatch.New, null, 0);
    }

    private void EnsureSlotArrays()
    {
        if (_scores.Length < _slots.Count)
        {
            var size = Math.Max(_slots.Count, _scores.Length * 2);
            Array.Resize(ref _scores, size);
            Array.Resize(ref _bandCounts, size);
        }
    }

    /// <summary>
    /// The <see cref="StoryOptions.MaxCandidates"/> touched slots with the highest probe weight (ties: lower slot first),
    /// in that order; clears the score array for the next article.
    /// </summary>
    private List<int> TopCandidates()
    {
        var limit = _options.MaxCandidates;
        _heap.Clear();
        foreach (var slot in _touched)
        {
            var score = _scores[slot];
            _scores[slot] = 0;
            if (_heap.Count < limit)
            {
                _heap.Enqueue(slot, (score, slot));
            }
            else if (_heap.TryPeek(out _, out var worst) && (score > worst.Score || (score == worst.Score && slot < worst.Slot)))
            {
                _heap.EnqueueDequeue(slot, (score, slot));
            }
        }

        _ranked.Clear();
        while (_heap.TryDequeue(out var slot, out _))
        {
            _ranked.Add(slot);
        }

        _ranked.Reverse();
        return _ranked;
    }

    private static int CountInWindow(PostingList list, int fromDay, int toDay, int day)
    {
        var count = list.CountIn(fromDay, toDay);
        if (day != PostingList.Undated && toDay < PostingList.Undated)
        {
            count += list.CountIn(PostingList.Undated, PostingList.Undated);
        }

        return count;
    }

    /// <summary>Adds <paramref name="weight"/> to <paramref name="sums"/> for each slot in the window (and, for a dated
    /// article, each undated one), recording first touches in <see cref="_touched"/>.</summary>
    private void Visit(PostingList list, int fromDay, int toDay, int day, float[] sums, float weight)
    {
        Accumulate(list.Read(fromDay, toDay), sums, weight);
        if (day != PostingList.Undated && toDay < PostingList.Undated)
        {
            Accumulate(list.Read(PostingList.Undated, PostingList.Undated), sums, weight);
        }
    }

    private void Accumulate(PostingList.Window window, float[] sums, float weight)
    {
        for (var n = 0; n < _options.MaxPostingsPerWord && window.Next(out var key); n++)
        {
            Accumulate(PostingList.SlotOf(key), sums, weight);
        }
    }

    private void Accumulate(int slot, float[] sums, float weight)
    {
        if (sums[slot] == 0)
        {
            _touched.Add(slot);
        }

        sums[slot] += weight;
    }

    /// <summary>True when a key is one <see cref="Visit"/> would read: its day in the window, or undated for a dated article.</summary>
    private static bool InWindow(long key, int fromDay, int toDay, int day)
    {
        var keyDay = (int)(key >> 32);
        return (keyDay >= fromDay && keyDay <= toDay) || (day != PostingList.Undated && toDay < PostingList.Undated && keyDay == PostingList.Undated);
    }

    /// <summary>The TF-IDF norm of the signature whose words were just looked up (<see cref="LookUpWords"/>).</summary>
    private double NormOfLookedUp(StorySignature signature)
    {
        double sum = 0;
        for (var i = 0; i < signature.Words.Length; i++)
        {
            var w = signature.WeightOf(i) * _idf[i];
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// Caches the parts of an entry's squared TF-IDF norm that do not depend on the collection size: with
    /// idf = L − l (L the log of the collection size, l the log of the word's document count), the squared norm is
    /// L²·Σw² − 2L·Σw²l + Σw²l², so it follows the collection's growth exactly at no cost. The document counts are those
    /// of when the parts were computed (the article's own words, or <see cref="LookUpWords"/>'s when it was assigned).
    /// </summary>
    private void CacheNormParts(Entry entry, bool lookedUp)
    {
        double a = 0, b = 0, c = 0;
        var signature = entry.Signature;
        for (var i = 0; i < signature.Words.Length; i++)
        {
            // Counting the article itself: its own posting (after indexing) or the +1 of a lookup made before it.
            var documents = lookedUp ? (_lists[i]?.Documents ?? 0) + 1 : _wordPostings.GetValueOrDefault(signature.Words[i])?.Documents ?? 1;
            var w = (double)signature.WeightOf(i);
            var l = LogOf(documents + 1);
            a += w * w;
            b += w * w * l;
            c += w * w * l * l;
        }

        (entry.NormA, entry.NormB, entry.NormC, entry.NormAt) = (a, b, c, _articles.Count);
    }

    private double NormOf(Entry entry)
    {
        // Document counts drift as later reports share the words: refresh the parts when the collection has grown by a
        // quarter since (often while it is small, where one shared word moves an IDF a lot; rarely once it is large).
        var n = _articles.Count;
        if (entry.NormAt < 0 || Math.Abs(n - entry.NormAt) * 4 > entry.NormAt)
        {
            CacheNormParts(entry, lookedUp: false);
        }

        var total = Idf(0); // the log of the collection size: a word in no document has l = log 1 = 0
        return Math.Sqrt(Math.Max(0, (total * total * entry.NormA) - (2 * total * entry.NormB) + entry.NormC));
    }

    /// <summary>TF-IDF cosine of title and lead (IDF of <paramref name="a"/>'s words in <paramref name="idfA"/>), plus
    /// shared entities, minus conflicts of names and prominent entities, minus the days apart.</summary>
    private double Similarity(StorySignature a, double[] idfA, double normA, StorySignature b, double normB)
    {
        // The dot product uses IDFs that count the new article; so does the candidate's norm: its cached norm (IDFs
        // without the new article) is corrected for the words they share, which are the only ones that differ.
        double dot = 0;
        var normB2 = normB * normB;
        var sharedNames = 0;
        var wordsA = a.Words;
        var wordsB = b.Words;
        var table = _wordTable;
        var mask = table.Length - 1;
        for (var j = 0; j < wordsB.Length; j++)
        {
            var y = wordsB[j];
            var cell = (int)(y * 0x9E3779B1u >> 16) & mask;
            int found;
            while ((found = table[cell]) != 0 && wordsA[found - 1] != y)
            {
                cell = (cell + 1) & mask;
            }

            if (found == 0)
            {
                continue;
            }

            var i = found - 1;
            sharedNames += a.IsName(i) || b.IsName(j) ? 1 : 0;
            var idf = idfA[i];
            var weightB = b.WeightOf(j);
            dot += a.WeightOf(i) * weightB * idf * idf;
            var without = _idfWithout[i];
            normB2 += weightB * weightB * ((idf * idf) - (without * without));
        }

        normB = Math.Sqrt(Math.Max(0, normB2));
        var cosine = normA > 0 && normB > 0 ? dot / (normA * normB) : 0;
        var days = a.Day is { } dayA && b.Day is { } dayB ? Math.Max(0, Math.Abs(dayA - dayB) - 1) : 0;
        var nameConflict = a.NameCount >= 2 && b.NameCount >= 2 && sharedNames == 0 ? _options.NameConflictPenalty : 0;
        var ageConflict = a.Ages.Length > 0 && b.Ages.Length > 0 && Jaccard(a.Ages, b.Ages) == 0 ? _options.AgeConflictPenalty : 0;
        return cosine - nameConflict - ageConflict - (_options.DayPenalty * days) + (_options.EntityWeight * Jaccard(a.Entities, b.Entities)) - (Conflict(a.About, b.About) ? _options.EntityConflictPenalty : 0);
    }

    private static double Jaccard(uint[] a, uint[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int shared = 0, i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (double)shared / (a.Length + b.Length - shared);
    }

    /// <summary>True when, for some entity kind, both articles are prominently about entities of it and share none.</summary>
    private static bool Conflict(uint[] a, uint[] b)
    {
        for (uint kind = 0; kind < 3; kind++)
        {
            bool anyA = false, anyB = false, shared = false;
            foreach (var x in a)
            {
                if (x >> 30 != kind)
                {
                    continue;
                }

                anyA = true;
                shared |= Array.BinarySearch(b, x) >= 0;
            }

            foreach (var y in b)
            {
                anyB |= y >> 30 == kind;
            }

            if (anyA && anyB && !shared)
            {
                return true;
            }
        }

        return false;
    }
}
