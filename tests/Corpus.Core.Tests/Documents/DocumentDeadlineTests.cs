using Corpus.Core.Documents;

namespace Corpus.Core.Tests.Documents;

public sealed class DocumentDeadlineTests
{
    [Fact]
    public void Without_a_deadline_a_check_never_throws()
    {
        DocumentDeadline.Step("ignored");
        var check = DocumentDeadline.Check;
        check.Should().NotThrow();
    }

    [Fact]
    public void A_check_past_the_limit_throws_naming_the_current_step_and_the_limit()
    {
        using (DocumentDeadline.Start("parse", TimeSpan.FromTicks(1)))
        {
            Thread.Sleep(5);
            DocumentDeadline.Step("html extraction");
            var check = DocumentDeadline.Check;
            check.Should().Throw<DocumentTimeoutException>()
                .Where(e => e.Step == "html extraction" && e.Limit == TimeSpan.FromTicks(1))
                .WithMessage("html extraction ran past the document time limit of 0 s");
        }

        var after = DocumentDeadline.Check;
        after.Should().NotThrow("the scope ended the deadline");
    }

    [Fact]
    public void An_inner_scope_restores_the_outer_deadline()
    {
        using (DocumentDeadline.Start("outer", TimeSpan.FromHours(1)))
        {
            using (DocumentDeadline.Start("inner", TimeSpan.FromTicks(1)))
            {
                Thread.Sleep(5);
                var inner = DocumentDeadline.Check;
                inner.Should().Throw<DocumentTimeoutException>();
            }

            var outer = DocumentDeadline.Check;
            outer.Should().NotThrow();
        }
    }

    [Fact]
    public void A_deadline_belongs_to_its_thread()
    {
        using (DocumentDeadline.Start("here", TimeSpan.FromTicks(1)))
        {
            Thread.Sleep(5);
            Exception? elsewhere = null;
            var thread = new Thread(() =>
            {
                try
                {
                    DocumentDeadline.Check();
                }
                catch (DocumentTimeoutException e)
                {
                    elsewhere = e;
                }
            });
            thread.Start();
            thread.Join();
            elsewhere.Should().BeNull();
        }
    }
}
