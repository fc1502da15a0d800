namespace Corpus.Filters.Languages.Training;

/// <summary>Translates lines of text in one direction (see <see cref="LidTranslation"/>).</summary>
public interface ILidTranslator
{
    /// <summary>Why <paramref name="mode"/> cannot be run here, or null when it can.</summary>
    string? Unavailable(string mode);

    /// <summary>One translated line per input line, in order; a line holds no line break.</summary>
    IReadOnlyList<string> Translate(string mode, IReadOnlyList<string> lines);
}
