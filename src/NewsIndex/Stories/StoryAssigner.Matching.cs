namespace NewsIndex.Stories;

/// <summary>Candidate lookup and similarity.</summary>
public sealed partial class StoryAssigner
{
    private static int DayOf(StorySignature signature) => signature.Day ?? PostingList.Undated;

    private void Index(Entry entry)
    {
        var key = PostingList.Key(DayOf(entry.Signature), entry.Slot);
        foreach (var word in entry.Signature.Words)
        {
            if (!_wordPostings.TryGetValue(word, out var list))
            {
                _wordPostings[word] = list = new PostingList();
            }

            list.Add(key);
        }

        foreach (var band in entry.Signature.Bands)
        {
            if (!_bandPostings.TryGetValue(band, out var list))
            {
                _bandPostings[band] = list = new PostingList();
            }

            list.Add(key);
        }
    }

    private void Unindex(Entry entry)
    {
        var key = PostingList.Key(DayOf(entry.Signature), entry.Slot);
        Unindex(_wordPostings, entry.Signature.Words, key);
        Unindex(_bandPostings, entry.Signature.Bands, key);
    }

    private static void Unindex(Dictionary<uint, PostingList> postings, uint[] keys, long key)
    {
        foreach (var k in keys)
        {
            if (postings.TryGetValue(k, out var list) && list.Remove(key) && list.Count == 0)
            {
                postings.Remove(k);
            }
        }
    }

    private void AddFrequencies(StorySignature signature)
    {
        foreach (var word in signature.Words)
        {
            _documentFrequency[word] = _documentFrequency.GetValueOrDefault(word) + 1;
        }
    }

    private void RemoveFrequencies(StorySignature signature)
    {
        foreach (var word in signature.Words)
        {
            var df = _documentFrequency.GetValueOrDefault(word) - 1;
            if (df <= 0)
            {
                _documentFrequency.Remove(word);
            }
            else
            {
                _documentFrequency[word] = df;
            }
        }
    }

    /// <summary>Inverse document frequency, counting the article being assigned (its frequencies are added first).</summary>
    private double Idf(uint word) =>
        Math.Log((_articles.Count + 1.0 + _options.PriorDocuments + 1.0) / (_documentFrequency.GetValueOrDefault(word) + 1.0));

    private (StoryMatch Match, Entry? Matched, double Score) FindMatch(StorySignature signature)
    {
        var day = DayOf(signature);
        var (fromDay, toDay) = signature.Day is { } d ? (d - _options.WindowDays, d + _options.WindowDays) : (int.MinValue, PostingList.Undated);

        // Near-duplicates: bodies whose MinHash bands mostly agree.
        if (signature.HasFingerprint)
        {
            _bandMatches.Clear();
            foreach (var band in signature.Bands)
            {
                if (_bandPostings.TryGetValue(band, out var list))
                {
                    Visit(list, fromDay, toDay, day, slot => _bandMatches[slot] = _bandMatches.GetValueOrDefault(slot) + 1);
                }
            }

            var best = -1;
            var bestCount = 0;
            foreach (var (slot, count) in _bandMatches)
            {
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

        // Rewrites: probe the rarest words, then score the candidates that share the most of them.
        _probe.Clear();
        foreach (var word in signature.Words)
        {
            if (_wordPostings.ContainsKey(word))
            {
                _probe.Add((word, Idf(word)));
            }
        }

        _probe.Sort(static (a, b) => b.Idf.CompareTo(a.Idf));
        _candidateScores.Clear();
        var probes = 0;
        foreach (var (word, idf) in _probe)
        {
            if (probes == _options.ProbeWords)
            {
                break;
            }

            var list = _wordPostings[word];
            if (CountInWindow(list, fromDay, toDay, day) > _options.MaxPostingsPerWord)
            {
                continue;
            }

            probes++;
            var weight = (float)idf;
            Visit(list, fromDay, toDay, day, slot => _candidateScores[slot] = _candidateScores.GetValueOrDefault(slot) + weight);
        }

        if (_candidateScores.Count == 0)
        {
            return (StoryMatch.New, null, 0);
        }

        _ranked.Clear();
        _ranked.AddRange(_candidateScores);
        _ranked.Sort(static (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Key.CompareTo(b.Key));
        var norm = Norm(signature);
        Entry? bestEntry = null;
        var bestMargin = double.NegativeInfinity;
        var bestScore = 0.0;
        for (var i = 0; i < Math.Min(_ranked.Count, _options.MaxCandidates); i++)
        {
            var candidate = _slots[_ranked[i].Key]!;
            var score = Similarity(signature, norm, candidate.Signature, NormOf(candidate));
            var threshold = signature.Day is null || candidate.Signature.Day is null ? _options.UndatedJoinThreshold : _options.JoinThreshold;
            if (score - threshold > bestMargin)
            {
                (bestEntry, bestMargin, bestScore) = (candidate, score - threshold, score);
            }
        }

        return bestEntry is not null && bestMargin >= 0 ? (StoryMatch.Related, bestEntry, bestScore) : (StoryMatch.New, null, 0);
    }

    private static int CountInWindow(PostingList list, int fromDay, int toDay, int day)
    {
        var (start, end) = list.Range(fromDay, toDay);
        var count = end - start;
        if (day != PostingList.Undated && toDay < PostingList.Undated)
        {
            var (undatedStart, undatedEnd) = list.Range(PostingList.Undated, PostingList.Undated);
            count += undatedEnd - undatedStart;
        }

        return count;
    }

    /// <summary>Calls <paramref name="visit"/> for each slot in the window (and, for a dated article, each undated one).</summary>
    private void Visit(PostingList list, int fromDay, int toDay, int day, Action<int> visit)
    {
        var (start, end) = list.Range(fromDay, toDay);
        var limit = Math.Min(end, start + _options.MaxPostingsPerWord);
        for (var i = start; i < limit; i++)
        {
            visit(PostingList.SlotOf(list[i]));
        }

        if (day != PostingList.Undated && toDay < PostingList.Undated)
        {
            var (undatedStart, undatedEnd) = list.Range(PostingList.Undated, PostingList.Undated);
            limit = Math.Min(undatedEnd, undatedStart + _options.MaxPostingsPerWord);
            for (var i = undatedStart; i < limit; i++)
            {
                visit(PostingList.SlotOf(list[i]));
            }
        }
    }

    private double Norm(StorySignature signature)
    {
        double sum = 0;
        for (var i = 0; i < signature.Words.Length; i++)
        {
            var w = signature.WeightOf(i) * Idf(signature.Words[i]);
            sum += w * w;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>TF-IDF cosine of title and lead, plus shared entities, minus a conflict of prominent entities.</summary>
    private double NormOf(Entry entry)
    {
        // Recomputed when the collection has grown or shrunk by more than 1/16 since: IDF moves with the log of it.
        var n = _articles.Count;
        if (entry.Norm < 0 || Math.Abs(n - entry.NormAt) * 16 > entry.NormAt)
        {
            entry.Norm = Norm(entry.Signature);
            entry.NormAt = n;
        }

        return entry.Norm;
    }

    private double Similarity(StorySignature a, double normA, StorySignature b, double normB)
    {
        double dot = 0;
        int i = 0, j = 0, sharedNames = 0;
        while (i < a.Words.Length && j < b.Words.Length)
        {
            if (a.Words[i] == b.Words[j])
            {
                sharedNames += a.IsName(i) || b.IsName(j) ? 1 : 0;
                var idf = Idf(a.Words[i]);
                dot += a.WeightOf(i) * b.WeightOf(j) * idf * idf;
                i++;
                j++;
            }
            else if (a.Words[i] < b.Words[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var cosine = normA > 0 && normB > 0 ? dot / (normA * normB) : 0;
        var days = a.Day is { } dayA && b.Day is { } dayB ? Math.Max(0, Math.Abs(dayA - dayB) - 1) : 0;
        var nameConflict = a.NameCount >= 2 && b.NameCount >= 2 && sharedNames == 0 ? _options.NameConflictPenalty : 0;
        return cosine - nameConflict - (_options.DayPenalty * days) + (_options.EntityWeight * Jaccard(a.Entities, b.Entities)) - (Conflict(a.About, b.About) ? _options.EntityConflictPenalty : 0);
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
