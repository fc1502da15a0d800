namespace Corpus.Filters.Tests.Languages.Training;

/// <summary>A fresh package root holding iso-codes' ISO 639-3 table with the given entries; deleted on dispose.</summary>
internal sealed class TempPackageRoot : IDisposable
{
    /// <param name="isoEntries">The table's entries, e.g. <c>{"alpha_2": "hr", "alpha_3": "hrv"}</c>.</param>
    public TempPackageRoot(string isoEntries)
    {
        Root = Directory.CreateTempSubdirectory("corpus-lid-pkg-").FullName;
        var json = Path.Combine(Root, "usr/share/iso-codes/json");
        Directory.CreateDirectory(json);
        File.WriteAllText(Path.Combine(json, "iso_639-3.json"), $$"""{"639-3": [{{isoEntries}}]}""");
    }

    /// <summary>The root folder.</summary>
    public string Root { get; }

    public void Dispose() => Directory.Delete(Root, true);
}
