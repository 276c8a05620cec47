namespace NewsIndex.Indexing;

/// <summary>
/// A bounded first-in, first-out queue between two pipeline threads that wakes a blocked producer only when the queue
/// has drained to half its capacity, and never spins.
/// </summary>
/// <remarks>
/// <para>Why not <c>BlockingCollection</c>: in the indexing pipeline the writer threads are the bottleneck, so the queues
/// in front of them stay full. With a per-slot semaphore every item the consumer takes frees one slot and wakes the
/// producer, which adds one item and blocks again, spinning (<c>sched_yield</c>) before each block: on two cores that
/// hand-over took 8% of the CPU samples of an indexing run without stories (about 2.6% with stories, where the story
/// queue sits between), CPU the writers needed. Here a full queue puts the producer to sleep until half of it is free,
/// so it wakes once per half a queue instead of once per item.</para>
/// <para>Thread-safe for any number of producers and consumers; the pipeline uses one of each per queue. The consumer
/// takes up to <see cref="TakeChunk"/> items per lock. Cancellation (the token given at construction) wakes every
/// waiter, which then throws <see cref="OperationCanceledException"/>.</para>
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class HandoffQueue<T> : IDisposable
{
    /// <summary>Most items a consumer takes at once (they leave the queue's count while it works through them).</summary>
    public const int TakeChunk = 32;

    private readonly object _gate = new();
    private readonly T[] _items;
    private readonly int _resumeAt;
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _registration;
    private int _head;
    private int _count;
    private int _waitingProducers;
    private int _waitingConsumers;
    private bool _completed;

    /// <summary>Creates a queue of at most <paramref name="capacity"/> items that stops waiting when <paramref name="token"/> is cancelled.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below 2.</exception>
    public HandoffQueue(int capacity, CancellationToken token)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _items = new T[capacity];
        _resumeAt = capacity / 2;
        _token = token;
        _registration = token.Register(static state => ((HandoffQueue<T>)state!).WakeAll(), this);
    }

    /// <summary>Items in the queue now (not counting what consumers have taken and not yet finished).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _count;
            }
        }
    }

    /// <summary>Producers asleep on a full queue now (for tests).</summary>
    internal int WaitingProducers
    {
        get
        {
            lock (_gate)
            {
                return _waitingProducers;
            }
        }
    }

    /// <summary>Adds an item, sleeping while the queue is full until half of it is free.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="InvalidOperationException"><see cref="CompleteAdding"/> was called.</exception>
    public void Add(T item)
    {
        lock (_gate)
        {
            _token.ThrowIfCancellationRequested();
            if (_completed)
            {
                throw new InvalidOperationException("The queue was marked complete: no more items can be added.");
            }

            if (_count == _items.Length)
            {
                _waitingProducers++;
                try
                {
                    while (_count > _resumeAt && !_token.IsCancellationRequested)
                    {
                        Monitor.Wait(_gate);
                    }
                }
                finally
                {
                    _waitingProducers--;
                }

                _token.ThrowIfCancellationRequested();
            }

            _items[(_head + _count) % _items.Length] = item;
            _count++;
            if (_waitingConsumers > 0)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>Marks the queue complete: consumers finish what it holds, then stop.</summary>
    public void CompleteAdding()
    {
        lock (_gate)
        {
            _completed = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The items in order, as they arrive, until the queue is complete and empty.</summary>
    /// <exception cref="OperationCanceledException">The token was cancelled (checked before each item).</exception>
    public IEnumerable<T> GetConsumingEnumerable()
    {
        var chunk = new T[TakeChunk];
        while (true)
        {
            var taken = Take(chunk);
            if (taken == 0)
            {
                yield break;
            }

            for (var i = 0; i < taken; i++)
            {
                _token.ThrowIfCancellationRequested();
                var item = chunk[i];
                chunk[i] = default!;
                yield return item;
            }
        }
    }

    /// <summary>Takes up to <paramref name="into"/>'s length of items, waiting while the queue is empty and not complete.</summary>
    /// <returns>The number taken; 0 once the queue is complete and empty.</returns>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public int Take(T[] into)
    {
        lock (_gate)
        {
            if (_count == 0)
            {
                _waitingConsumers++;
                try
                {
                    while (_count == 0 && !_completed && !_token.IsCancellationRequested)
                    {
                        Monitor.Wait(_gate);
                    }
                }
                finally
                {
                    _waitingConsumers--;
                }
            }

            _token.ThrowIfCancellationRequested();
            var taken = Math.Min(_count, into.Length);
            for (var i = 0; i < taken; i++)
            {
                into[i] = _items[_head];
                _items[_head] = default!;
                _head = (_head + 1) % _items.Length;
            }

            _count -= taken;
            if (_waitingProducers > 0 && _count <= _resumeAt)
            {
                Monitor.PulseAll(_gate);
            }

            return taken;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _registration.Dispose();

    private void WakeAll()
    {
        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
