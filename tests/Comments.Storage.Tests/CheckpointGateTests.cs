namespace Comments.Storage.Tests;

/// <summary>The gate itself: a checkpoint waits for the transactions in flight, and new ones wait for it to begin.</summary>
public sealed class CheckpointGateTests
{
    [Fact]
    public async Task A_checkpoint_waits_for_the_transactions_in_flight_and_holds_new_ones_until_it_has_begun()
    {
        var gate = new CheckpointGate();
        var inFlight = await gate.EnterAsync();

        var beginning = gate.BeginCheckpointAsync().AsTask();
        Assert.False(beginning.IsCompleted);

        inFlight.Dispose();
        var begun = await beginning.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        var next = gate.EnterAsync().AsTask();
        Assert.False(next.IsCompleted);

        begun.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task With_nothing_in_flight_a_checkpoint_begins_at_once_and_transactions_pass_freely_otherwise()
    {
        var gate = new CheckpointGate();
        using (await gate.EnterAsync())
        using (await gate.EnterAsync())
        {
        }

        var begun = gate.BeginCheckpointAsync();
        Assert.True(begun.IsCompleted);
        (await begun).Dispose();
        (await gate.EnterAsync()).Dispose();
    }
}
