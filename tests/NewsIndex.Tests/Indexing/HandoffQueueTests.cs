using NewsIndex.Indexing;

namespace NewsIndex.Tests.Indexing;

[TestFixture]
public sealed class HandoffQueueTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public void Items_CrossThreadsInOrder_ThroughASmallQueue()
    {
        using var queue = new HandoffQueue<int>(4, CancellationToken.None);
        const int count = 200_000;
        var producer = Task.Run(() =>
        {
            for (var i = 0; i < count; i++)
            {
                queue.Add(i);
            }

            queue.CompleteAdding();
        });

        var expected = 0;
        foreach (var item in queue.GetConsumingEnumerable())
        {
            Assert.That(item, Is.EqualTo(expected), "first in, first out");
            expected++;
        }

        Assert.That(producer.Wait(Patience), Is.True);
        Assert.That(expected, Is.EqualTo(count));
    }

    [Test]
    public void FullQueue_ProducerSleepsUntilHalfIsFree()
    {
        using var queue = new HandoffQueue<int>(8, CancellationToken.None);
        for (var i = 0; i < 8; i++)
        {
            queue.Add(i);
        }

        var added = Task.Run(() => queue.Add(8));
        Assert.That(SpinWait.SpinUntil(() => queue.WaitingProducers == 1, Patience), Is.True, "the producer blocks on the full queue");
        var one = new int[1];
        for (var taken = 1; taken <= 3; taken++)
        {
            Assert.That(queue.Take(one), Is.EqualTo(1));
            Assert.That(added.Wait(TimeSpan.FromMilliseconds(100)), Is.False, $"with {8 - taken} of 8 items queued the producer still waits");
            Assert.That(queue.Count, Is.EqualTo(8 - taken));
        }

        Assert.That(queue.Take(one), Is.EqualTo(1));
        Assert.That(added.Wait(Patience), Is.True, "half free: the producer adds");
        Assert.That(queue.Count, Is.EqualTo(5));

        var rest = new int[HandoffQueue<int>.TakeChunk];
        queue.CompleteAdding();
        Assert.That(rest[..queue.Take(rest)], Is.EqualTo(new[] { 4, 5, 6, 7, 8 }));
        Assert.That(queue.Take(rest), Is.Zero, "complete and empty");
    }

    [Test]
    public void Cancellation_WakesABlockedProducerAndABlockedConsumer()
    {
        using var cancel = new CancellationTokenSource();
        using var full = new HandoffQueue<int>(2, cancel.Token);
        using var empty = new HandoffQueue<int>(2, cancel.Token);
        full.Add(1);
        full.Add(2);
        var producer = Task.Run(() => full.Add(3));
        var consumer = Task.Run(() => empty.Take(new int[4]));
        Assert.That(Task.WaitAny([producer, consumer], TimeSpan.FromMilliseconds(100)), Is.EqualTo(-1), "both wait");

        cancel.Cancel();
        Assert.That(() => producer.GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => consumer.GetAwaiter().GetResult(), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(() => full.Add(4), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void CompleteAdding_ConsumerDrainsThenStops_AndLaterAddsAreRefused()
    {
        using var queue = new HandoffQueue<string>(64, CancellationToken.None);
        var consumer = Task.Run(() => queue.GetConsumingEnumerable().ToList());
        queue.Add("a");
        queue.Add("b");
        queue.CompleteAdding();

        Assert.That(consumer.Wait(Patience), Is.True, "a waiting consumer wakes on completion");
        Assert.That(consumer.Result, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(() => queue.Add("c"), Throws.InvalidOperationException.With.Message.Contains("complete"));
    }

    [Test]
    public void Capacity_BelowTwo_IsRefused() =>
        Assert.That(() => new HandoffQueue<int>(1, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
