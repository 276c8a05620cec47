using NewsIndex.Stories;

namespace NewsIndex.Tests.Stories;

/// <summary><see cref="PostingList"/> against a sorted-set model: in-order appends, out-of-order bursts (the unsorted
/// tail), duplicates, removals and range reads in any mix.</summary>
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
                var (start, end) = list.Range(from, to);
                var expected = model.GetViewBetween(PostingList.Key(from, 0), ((long)to << 32) | uint.MaxValue).ToArray();
                Assert.That(list.Items[start..end], Is.EqualTo(expected), $"step {step}: days {from}..{to}");
            }
        }

        var (all0, all1) = list.Range(int.MinValue, PostingList.Undated);
        Assert.That(list.Items[all0..all1], Is.EqualTo(model.ToArray()));
        Assert.That(list.Count, Is.EqualTo(model.Count));
    }
}
