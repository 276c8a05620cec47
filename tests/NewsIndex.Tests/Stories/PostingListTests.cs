using NewsIndex.Stories;

namespace NewsIndex.Tests.Stories;

/// <summary><see cref="PostingList"/> against a sorted-set model: in-order appends, out-of-order bursts (the sorted
/// tail, read without merging), duplicates, removals and window reads in any mix.</summary>
public class PostingListTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void RandomMixOfOperations_MatchesASortedSet(int seed)
    {
        var random = new Random(seed);
        var list = new PostingList();
        var model = new SortedSet<long>();
        for (var step = 0; step < 20_000; step++)
        {
            var day = step % 1000 < 700 ? 100 + step / 50 : random.Next(0, 600); // mostly in time order, then backfills
            var key = PostingList.Key(day, random.Next(0, 50));
            var op = random.Next(100);
            if (op < 80)
            {
                list.Add(key);
                model.Add(key);
            }
            else if (op < 90)
            {
                Assert.That(list.Remove(key), Is.EqualTo(model.Remove(key)), $"step {step}");
            }
            else
            {
                var from = random.Next(0, 600);
                var to = from + random.Next(0, 30);
                var expected = model.GetViewBetween(PostingList.Key(from, 0), ((long)to << 32) | uint.MaxValue).ToArray();
                Assert.That(list.CountIn(from, to), Is.EqualTo(expected.Length), $"step {step}: count of days {from}..{to}");
                Assert.That(ReadAll(list, from, to), Is.EqualTo(expected), $"step {step}: days {from}..{to}");
            }
        }

        Assert.That(ReadAll(list, int.MinValue, PostingList.Undated), Is.EqualTo(model.ToArray()));
        Assert.That(list.Count, Is.EqualTo(model.Count));
    }

    [Test]
    public void UndatedKeys_AreReadOnlyByTheUndatedDay()
    {
        var list = new PostingList();
        list.Add(PostingList.Key(PostingList.Undated, 3));
        list.Add(PostingList.Key(10, 5));
        list.Add(PostingList.Key(9, 7)); // late: into the tail
        Assert.That(ReadAll(list, 0, 100), Is.EqualTo(new[] { PostingList.Key(9, 7), PostingList.Key(10, 5) }));
        Assert.That(ReadAll(list, PostingList.Undated, PostingList.Undated), Is.EqualTo(new[] { PostingList.Key(PostingList.Undated, 3) }));
        Assert.That(list.CountIn(int.MinValue, PostingList.Undated), Is.EqualTo(3));
    }

    [Test]
    public void ALongListEmptiedAndFilledAgain_StaysSorted()
    {
        var list = new PostingList();
        var keys = Enumerable.Range(0, 3 * PostingList.BlockSize).Select(i => PostingList.Key(i % 7, i)).ToArray();
        foreach (var key in keys.Reverse())
        {
            list.Add(key);
        }

        foreach (var key in keys)
        {
            Assert.That(list.Remove(key), Is.True);
        }

        Assert.That(list.Count, Is.Zero);
        Assert.That(ReadAll(list, int.MinValue, PostingList.Undated), Is.Empty);
        foreach (var key in keys)
        {
            list.Add(key);
        }

        Assert.That(ReadAll(list, int.MinValue, PostingList.Undated), Is.EqualTo(keys.Order().ToArray()));
        Assert.That(list.CountIn(3, 4), Is.EqualTo(keys.Count(k => (k >> 32) is 3 or 4)));
    }

    [TestCase(7)]
    [TestCase(8)]
    public void BandPostings_RandomAddsAndRemoves_MatchAModel_InlineOrShared(int seed)
    {
        var random = new Random(seed);
        var bands = new BandPostings();
        var model = new Dictionary<uint, SortedSet<long>>();
        for (var step = 0; step < 20_000; step++)
        {
            var band = (uint)random.Next(0, 300); // a few hundred keys: many held by one posting, some shared
            var key = PostingList.Key(random.Next(0, 40), random.Next(0, 8));
            if (random.Next(100) < 60)
            {
                bands.Add(band, key);
                (model.TryGetValue(band, out var set) ? set : model[band] = []).Add(key);
            }
            else
            {
                bands.Remove(band, key);
                if (model.TryGetValue(band, out var set) && set.Remove(key) && set.Count == 0)
                {
                    model.Remove(band);
                }
            }

            if (step % 97 == 0)
            {
                Assert.That(bands.Count, Is.EqualTo(model.Count), $"step {step}: band keys with postings");
                Assert.That(bands.SharedCount, Is.InRange(model.Values.Count(set => set.Count > 1), model.Count), $"step {step}: shared lists");
                foreach (var probe in new[] { band, (uint)random.Next(0, 300) })
                {
                    var list = bands.Find(probe, out var single, out var hasSingle);
                    var found = list is not null ? ReadAll(list, int.MinValue, PostingList.Undated) : hasSingle ? [single] : [];
                    Assert.That(found, Is.EqualTo(model.TryGetValue(probe, out var expected) ? expected.ToList() : []), $"step {step}: band {probe}");
                }
            }
        }

        foreach (var (band, keys) in model)
        {
            foreach (var key in keys)
            {
                bands.Remove(band, key);
            }
        }

        Assert.That((bands.Count, bands.SharedCount), Is.EqualTo((0, 0)), "every posting removed: no keys and no shared lists left");
    }

    private static List<long> ReadAll(PostingList list, int fromDay, int toDay)
    {
        var keys = new List<long>();
        var window = list.Read(fromDay, toDay);
        var remaining = window.Remaining;
        while (window.Next(out var key))
        {
            keys.Add(key);
        }

        Assert.That(keys, Has.Count.EqualTo(remaining), "Remaining counts what the window yields");
        return keys;
    }
}
