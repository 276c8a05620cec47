using System.Threading.Channels;
using NewsIndex.Indexing;
using NewsIndex.Ingestion;

namespace NewsIndex;

public sealed partial class ArticleIndex
{
    /// <summary>Articles buffered between an asynchronous source and the indexing pipeline.</summary>
    internal const int AsyncBufferCapacity = 256;

    /// <summary>
    /// Indexes an asynchronous stream of articles (for example <see cref="ArticleReader.ReadAsync(string, Action{IngestionError}?, ArticleReaderOptions?, IngestionStats?, CancellationToken)"/>),
    /// replacing articles with the same ids. Does not commit.
    /// </summary>
    /// <remarks>
    /// The source is awaited on the caller's context and feeds a bounded buffer of <see cref="AsyncBufferCapacity"/>
    /// articles; the same pipeline as <see cref="IndexAll(IEnumerable{Article}, IProgress{IndexingProgress}?, CancellationToken)"/> drains it on a background thread. When indexing falls
    /// behind, the next read of the source waits (back-pressure), so memory stays bounded whatever the source's speed.
    /// An exception from the source stops the run and is rethrown (as with <see cref="IndexAll(IEnumerable{Article}, IProgress{IndexingProgress}?, CancellationToken)"/>, articles read just
    /// before it may or may not have been added); a failure of the pipeline is rethrown too, and cancels the source's enumeration.
    /// </remarks>
    /// <param name="articles">The articles, read once, in order.</param>
    /// <param name="progress">Receives progress about ten times a second and once at the end (on the pipeline's thread
    /// unless the <see cref="IProgress{T}"/> posts elsewhere, as <see cref="Progress{T}"/> does).</param>
    /// <param name="cancellationToken">Stops reading and indexing with <see cref="OperationCanceledException"/>;
    /// articles already added stay in the (uncommitted) index.</param>
    /// <returns>Totals of the run.</returns>
    public async Task<IndexingProgress> IndexAllAsync(IAsyncEnumerable<Article> articles, IProgress<IndexingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        cancellationToken.ThrowIfCancellationRequested();
        var buffer = Channel.CreateBounded<Article>(new BoundedChannelOptions(AsyncBufferCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pipeline = Task.Factory.StartNew(() =>
        {
            try
            {
                return IndexAll(Drain(buffer.Reader, stop.Token), progress, stop.Token);
            }
            catch
            {
                // Wake a source that is waiting on something else (I/O, a timer) so the run ends now. The token
                // source is disposed only after this task has been awaited.
                stop.Cancel();
                throw;
            }
            finally
            {
                // The pipeline is done (finished or failed): a source still producing must stop at its next write.
                buffer.Writer.TryComplete();
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        try
        {
            await foreach (var article in articles.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                if (!await buffer.Writer.WaitToWriteAsync(stop.Token).ConfigureAwait(false) || !buffer.Writer.TryWrite(article))
                {
                    break; // the pipeline stopped; its outcome is awaited below
                }
            }

            buffer.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            buffer.Writer.TryComplete(ex); // the pipeline ends with this error once it reaches it
            try
            {
                await pipeline.ConfigureAwait(false);
            }
            catch (Exception pipelineError) when (pipelineError is not OperationCanceledException && !ReferenceEquals(pipelineError, ex))
            {
                // A failure inside the pipeline (a writer thread) is the root cause; the source's error came after it.
                throw;
            }
            catch
            {
                // the pipeline ended because of the source's error (or the cancellation): rethrow the source's error
            }

            throw;
        }

        return await pipeline.ConfigureAwait(false);
    }

    /// <summary>Blocks the pipeline's reading thread until articles arrive; ends when the buffer completes, rethrowing
    /// the source's error if it completed with one.</summary>
    private static IEnumerable<Article> Drain(ChannelReader<Article> reader, CancellationToken cancellationToken)
    {
        while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var article))
            {
                yield return article;
            }
        }
    }
}
