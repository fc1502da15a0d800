using Corpus.Synth.Verification;

namespace Corpus.Synth.Recipes;

/// <summary>The built-in recipes.</summary>
public static class SynthRecipes
{
    /// <summary>The math or code recipe for <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">Seeds or few-shot examples of the other kind.</exception>
    public static ISynthRecipe Create(SynthRecipeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Seeds.Concat(options.FewShot).FirstOrDefault(s => s.Kind != options.Kind) is { } other)
        {
            throw new ArgumentException($"seed '{other.Id}' is a {other.Kind} problem in a {options.Kind} recipe", nameof(options));
        }

        return options.Kind switch
        {
            SynthTaskKind.Math => new MathRecipe(options),
            SynthTaskKind.Code => new CodeRecipe(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Kind, "unknown task kind"),
        };
    }
}
