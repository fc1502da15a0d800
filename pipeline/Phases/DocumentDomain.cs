using Corpus.Pipeline.Storage;

namespace Corpus.Pipeline.Phases;

/// <summary>
/// The domain a document is mixed by: the domain classifier's label when the build has one
/// (<c>classify.domain_model</c>); otherwise <c>code</c> for a document the code detector found to
/// be source code, and <c>unknown</c> for the rest.
/// </summary>
internal static class DocumentDomain
{
    public const string Unknown = "unknown";

    public static string Of(DocumentRow row) =>
        row.Labels.TryGetValue("domain", out var domain) && domain.Length > 0 ? domain
        : row.Labels.TryGetValue("code_kind", out var kind) && kind == "code" ? "code"
        : Unknown;
}
