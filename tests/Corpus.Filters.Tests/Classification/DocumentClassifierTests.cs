using Corpus.Filters.Classification;
using Corpus.FastText;

namespace Corpus.Filters.Tests.Classification;

public sealed class DocumentClassifierTests : IDisposable
{
    private static readonly string[] Maths = ["the theorem has a short proof", "solve the quadratic equation by factoring", "the derivative of the integral", "a lemma about prime numbers"];
    private static readonly string[] Ads = ["buy cheap watches now", "huge discount click here", "free shipping on every order", "best deals sale today"];
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "corpus-docclass-" + Guid.NewGuid().ToString("N"));

    public DocumentClassifierTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Train(string name, Func<bool, string> label)
    {
        var lines = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            lines.Add($"{label(true)} {Maths[i % Maths.Length]}");
            lines.Add($"{label(false)} {Ads[i % Ads.Length]}");
        }

        var file = Path.Combine(_dir, name + ".txt");
        File.WriteAllLines(file, lines);
        var path = Path.Combine(_dir, name + ".bin");
        FastTextTrainer.Train(file, new FastTextTrainingOptions { Dim = 8, Epoch = 20, LearningRate = 0.5, Bucket = 1000, Seed = 1 }).Save(path);
        return path;
    }

    [Fact]
    public void Edu_score_is_the_expected_value_over_the_edu_labels_and_domain_the_top_label()
    {
        var edu = Train("edu", math => math ? "__label__edu_5" : "__label__edu_0");
        var domain = Train("domain", math => math ? "__label__domain_math" : "__label__domain_other");
        var classifier = DocumentClassifier.Load(edu, domain);

        var maths = classifier.Classify("The theorem\nhas a short proof.");
        var ad = classifier.Classify("buy cheap watches now");

        maths.Domain.Should().Be("math");
        maths.DomainScore.Should().BeGreaterThan(0.8);
        maths.EduScore.Should().BeGreaterThan(4).And.BeLessThanOrEqualTo(5);
        ad.Domain.Should().Be("other");
        ad.EduScore.Should().BeLessThan(1).And.BeGreaterThanOrEqualTo(0);
        var p5 = FastTextModel.Load(edu).Predict("buy cheap watches now", 2).Single(p => p.Label == "__label__edu_5").Probability;
        ad.EduScore.Should().BeApproximately(5 * p5, 1e-4);
    }

    [Fact]
    public void An_edu_model_with_other_labels_is_refused_naming_the_label()
    {
        var notEdu = Train("not-edu", math => math ? "__label__domain_math" : "__label__domain_other");

        var act = () => DocumentClassifier.Load(notEdu, notEdu);

        act.Should().Throw<InvalidDataException>().WithMessage("*domain_*is not edu_0*");
    }
}
