using System.Text;

namespace Corpus.Cli.Tests.Classify;

/// <summary>
/// Documents of nine kinds generated from templates with seeded variation, and the scripted
/// annotator's rule: it reads a document's words and answers with the kind's educational score and
/// domain, like a model would, in varied answer styles, with a few malformed answers.
/// </summary>
internal static class ScriptedCorpus
{
    public sealed record Kind(string Name, int EduScore, string Domain, string[] Sentences, string[] Keywords);

    private static readonly string[] Names = ["Ada", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Goran", "Hana", "Ivan", "Julia", "Kofi", "Lena", "Mateo", "Nadia", "Omar", "Priya"];
    private static readonly string[] Places = ["Lisbon", "Nairobi", "Osaka", "Toronto", "Krakow", "Lima", "Perth", "Oslo", "Cairo", "Hanoi"];
    private static readonly string[] Teams = ["United", "Rovers", "Athletic", "City", "Wanderers", "Rangers", "Albion", "Dynamo"];
    private static readonly string[] Foods = ["chicken", "lentils", "salmon", "mushrooms", "chickpeas", "pumpkin", "tofu", "lamb"];
    private static readonly string[] Vars = ["x", "y", "n", "t", "k", "a"];
    private static readonly string[] Eras = ["Roman", "Ottoman", "Ming", "Byzantine", "Carolingian", "Mughal", "Aztec", "Venetian"];
    private static readonly string[] Products = ["watches", "sunglasses", "sneakers", "handbags", "phone cases", "vitamins"];

    /// <summary>Page furniture every kind of page carries, so the classifiers must look past it.</summary>
    private static readonly string[] Boilerplate =
    [
        "We use cookies to improve your experience on this site.",
        "Share this page with your friends.",
        "Posted by {N} on {D}, {Y}.",
        "Read more articles like this in our archive.",
        "Sign up to get updates by e-mail.",
        "This page was last edited in {Y}.",
        "Comments are closed.",
        "Photo: {N} / {L}.",
    ];

    public static IReadOnlyList<Kind> Kinds { get; } =
    [
        new("math", 4, "math",
        [
            "To solve the equation {V}^2 - {A}{V} + {B} = 0 we factor the quadratic into two linear factors.",
            "Substituting {V} = {A} into the equation shows that the left side equals {B}, so the identity holds.",
            "The derivative of {V}^{A} with respect to {V} is {A}{V}^{C} by the power rule.",
            "A proof by induction starts with the base case n = 1 and then assumes the statement for n = k.",
            "The sum of the first {A} odd numbers equals {A} squared, which the diagram of nested squares illustrates.",
            "We isolate {V} by subtracting {B} from both sides and dividing by {A}, which gives the solution.",
            "The theorem states that every integer greater than one factors uniquely into primes.",
            "Exercise {A}: compute the integral of {V} times e^{V} using integration by parts.",
            "The matrix has determinant {B}, so it is invertible and the linear system has exactly one solution.",
            "Recall that the slope of the line through two points is the change in y divided by the change in x.",
            "The lemma follows because the function is continuous on the closed interval and differentiable inside it.",
            "Worked solution: multiply both sides of the equation by {A}, then collect the terms in {V}.",
        ], ["equation", "derivative", "theorem", "integral", "proof", "lemma", "matrix", "quadratic", "slope", "integer", "solve", "factor"]),
        new("recipe", 1, "general",
        [
            "Preheat the oven to {T} degrees and grease a large baking tray.",
            "Chop the onions finely and fry them in two tablespoons of olive oil until golden.",
            "Add the {F} and season generously with salt, pepper and a pinch of paprika.",
            "Simmer for {A}0 minutes, stirring now and then so nothing sticks to the pan.",
            "This is my grandmother's favourite {F} dish and my kids ask for it every {D}.",
            "Serve warm with rice or crusty bread and a squeeze of lemon.",
            "You can swap the {F} for whatever you have in the fridge, it works just as well.",
            "Whisk the eggs with a cup of milk, then fold in the flour a spoonful at a time.",
            "Leftovers keep in the fridge for three days, or freeze them in portions.",
            "Sprinkle with fresh parsley and grated cheese just before serving.",
            "Prep time {A}5 minutes, cook time {B} minutes, serves {A}.",
            "Pin this recipe for later and leave a comment if you try it!",
        ], ["oven", "tablespoons", "simmer", "recipe", "serve", "fridge", "flour", "whisk", "parsley", "fry", "season", "dish"]),
        new("code", 3, "code",
        [
            "def {W}_items(items):\n    result = []\n    for item in items:\n        if item.{W}:\n            result.append(item)\n    return result",
            "function {W}(list) {\n  return list.filter((x) => x.{W} !== null);\n}",
            "for (int i = 0; i < {A}; i++) {\n    total += values[i];\n}",
            "import os\nimport sys\n\npath = sys.argv[{C}]\nprint(os.path.exists(path))",
            "class {U}Repository:\n    def __init__(self, db):\n        self.db = db\n\n    def find(self, key):\n        return self.db.get(key)",
            "public static int {W}(int[] values) {\n    return Arrays.stream(values).sum();\n}",
            "const {W} = require('./{W}');\nmodule.exports = { {W} };",
            "if err != nil {\n\treturn fmt.Errorf(\"{W}: %w\", err)\n}",
            "SELECT id, name FROM {W} WHERE created_at > NOW() - INTERVAL '{A} days';",
            "# the function returns None when the key is missing\nvalue = cache.get(key, None)",
            "let mut {W} = Vec::new();\n{W}.push({A});\nprintln!(\"{:?}\", {W});",
            "while queue:\n    node = queue.pop(0)\n    visited.add(node)",
        ], ["def ", "return", "function", "import", "print(", "class ", "int ", "const ", "err", "select", "let mut", "while "]),
        new("news", 1, "news",
        [
            "{P} {U} beat {Q} {A}-{C} on {D} night in front of a sold-out crowd in {L}.",
            "The striker scored twice in the second half before the visitors pulled one back from a penalty.",
            "Manager {N} said after the match that the team had shown real character.",
            "The win lifts {P} {U} to third in the league table, two points behind the leaders.",
            "Fans celebrated in the streets of {L} until the early hours.",
            "The referee was criticised for a late red card that left the home side with ten men.",
            "Next week the club travels to face {Q} in the cup quarter-final.",
            "Ticket prices for the derby have risen by {A}0 percent, the supporters' trust said.",
            "The goalkeeper made a string of saves to keep the clean sheet in the first half.",
            "Injury news: the captain is expected to miss the next {A} matches with a hamstring strain.",
            "The transfer window closes on Friday and the club is said to be close to signing a winger.",
            "Highlights of the match will be shown on Saturday evening.",
        ], ["match", "scored", "striker", "league", "fans", "referee", "club", "goalkeeper", "transfer", "cup", "manager", "season"]),
        new("physics", 4, "stem",
        [
            "Photosynthesis converts light energy into chemical energy stored in glucose molecules.",
            "Newton's second law states that force equals mass times acceleration.",
            "An electron in a hydrogen atom occupies discrete energy levels, and it emits a photon when it drops to a lower one.",
            "The experiment measured the voltage across the resistor at {A} different currents to verify Ohm's law.",
            "Enzymes lower the activation energy of reactions without being consumed.",
            "Cells divide by mitosis, producing two daughter cells with identical chromosomes.",
            "The wavelength of light determines its colour; shorter wavelengths appear blue.",
            "Heat flows from the warmer body to the colder one until both reach the same temperature.",
            "In the lab, students observed how the pendulum's period depends on its length but not its mass.",
            "Carbon dioxide absorbs infrared radiation, which is why it acts as a greenhouse gas.",
            "The circuit diagram shows a battery, a switch and {A} bulbs connected in series.",
            "DNA is a double helix whose strands are held together by hydrogen bonds between base pairs.",
        ], ["energy", "photon", "electron", "force", "cells", "enzymes", "wavelength", "experiment", "circuit", "dna", "molecules", "radiation"]),
        new("history", 3, "humanities",
        [
            "The {E} empire reached its greatest extent in the {A}th century under a series of able rulers.",
            "Historians disagree about why the {E} state declined, pointing to trade, plague and war.",
            "The treaty signed in {L} redrew the borders of the region for a generation.",
            "Monks copied manuscripts by hand, preserving classical philosophy through the medieval period.",
            "The revolution began with protests over the price of bread and quickly spread to the provinces.",
            "Primary sources such as letters and tax records reveal how ordinary people lived.",
            "The cathedral's architecture reflects the wealth and ambition of the merchant guilds.",
            "Philosophers of the Enlightenment argued that rights belong to every person by nature.",
            "The dynasty moved its capital to {L}, which became a centre of art and scholarship.",
            "After the war, the parliament passed reforms that extended the vote to more citizens.",
            "Archaeologists excavating near {L} found coins from the {E} period.",
            "The chronicle describes the siege in vivid detail, though its author was not an eyewitness.",
        ], ["empire", "historians", "treaty", "medieval", "revolution", "century", "dynasty", "philosophers", "parliament", "archaeologists", "chronicle", "manuscripts"]),
        new("story", 2, "fiction",
        [
            "{N} pushed open the creaking door and stepped into the dark hallway.",
            "\"Who's there?\" she whispered, but only the wind answered.",
            "The old lighthouse keeper had not spoken to anyone in {A} years.",
            "He smiled for the first time since the funeral, and the sea seemed to smile back.",
            "Somewhere in the forest a wolf howled, and {N} pulled her cloak tighter.",
            "The letter was addressed to {N} in handwriting she had not seen since childhood.",
            "Rain hammered on the roof as the stranger told his tale by the fire.",
            "She dreamed of dragons that night, and in the morning there was ash on her pillow.",
            "\"We leave at dawn,\" said {M}, folding the map with trembling hands.",
            "The village of {L} had a secret, and everyone there had sworn to keep it.",
            "When the clock struck midnight, the portrait on the wall began to breathe.",
            "They walked in silence until the castle rose out of the mist.",
        ], ["whispered", "door", "dreamed", "stranger", "castle", "dragons", "forest", "smiled", "letter", "midnight", "village", "tale"]),
        new("puzzle", 5, "reasoning",
        [
            "Three friends each own one pet: a cat, a dog and a parrot; {N} does not own the cat.",
            "If every knight tells the truth and every knave lies, what can we conclude from the first statement?",
            "Suppose the second clue is false; then the first and third clues contradict each other, so the second must be true.",
            "We eliminate the remaining options one at a time until only one arrangement satisfies every constraint.",
            "Step {A}: assume {N} sits at the end of the row and check whether the clues still hold.",
            "Therefore the person in the red house drinks tea, because the other two cases lead to a contradiction.",
            "Consider the argument: all the premises may be true while the conclusion is false, so the argument is invalid.",
            "A counterexample is enough to show that the general claim does not follow.",
            "Work backwards from the last clue: the blue door must belong to the baker.",
            "Puzzle {A}: four people must cross a bridge at night with one torch; what is the shortest time?",
            "The reasoning hinges on the fact that exactly one of the three statements is true.",
            "By a case analysis on who spoke first, we deduce the order of all five guests.",
        ], ["clue", "conclude", "contradiction", "knight", "premises", "counterexample", "deduce", "puzzle", "constraint", "reasoning", "argument", "statements"]),
        new("spam", 0, "other",
        [
            "BUY cheap {R} online now, best prices guaranteed!!!",
            "Click here for a free gift card, limited offer, act fast.",
            "Top {A}0 {R} deals of the year, huge discount, free shipping worldwide.",
            "Visit our store for replica {R} and designer {R} at wholesale prices.",
            "Subscribe to our newsletter and win a free iPhone today.",
            "Home | About | Contact | Login | Register | Cart ({A})",
            "Copyright {Y} all rights reserved. Privacy policy. Terms of service.",
            "Hot sale!!! {R} {R} {R} cheap cheap cheap discount code SAVE{A}0.",
            "Earn money from home, no experience needed, click the link below.",
            "Best {R} review {Y}: buy now and save big with our exclusive coupon.",
            "Tags: {R}, cheap {R}, {R} sale, {R} online, discount {R}",
            "Limited stock, order in the next {A} hours to get the bonus.",
        ], ["buy", "cheap", "discount", "click", "offer", "free", "sale", "coupon", "shipping", "subscribe", "deals", "store"]),
    ];

    /// <summary>A document of <paramref name="kind"/>: five to nine of its sentences with slots filled.</summary>
    public static string Document(Kind kind, Random rng)
    {
        var count = rng.Next(5, 10);
        var sb = new StringBuilder();
        var order = Enumerable.Range(0, kind.Sentences.Length).OrderBy(_ => rng.Next()).Take(count);
        foreach (var i in order)
        {
            var sentence = Fill(kind.Sentences[i], rng);
            sb.Append(sentence);
            sb.Append(sentence.Contains('\n', StringComparison.Ordinal) || rng.Next(3) == 0 ? "\n\n" : " ");
        }

        for (var b = rng.Next(0, 3); b > 0; b--)
        {
            var furniture = Fill(Boilerplate[rng.Next(Boilerplate.Length)], rng);
            if (rng.Next(2) == 0)
            {
                sb.Insert(0, furniture + "\n\n");
            }
            else
            {
                sb.Append("\n\n").Append(furniture);
            }
        }

        return sb.ToString().Trim();
    }

    private static string Fill(string template, Random rng)
    {
        var word = new[] { "active", "valid", "orders", "users", "cache", "visible", "scores", "pending" }[rng.Next(8)];
        return template
            .Replace("{V}", Vars[rng.Next(Vars.Length)], StringComparison.Ordinal)
            .Replace("{A}", rng.Next(2, 10).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{B}", rng.Next(2, 40).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{C}", rng.Next(1, 4).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{T}", (160 + (10 * rng.Next(0, 7))).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{Y}", rng.Next(2015, 2026).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{N}", Names[rng.Next(Names.Length)], StringComparison.Ordinal)
            .Replace("{M}", Names[rng.Next(Names.Length)], StringComparison.Ordinal)
            .Replace("{L}", Places[rng.Next(Places.Length)], StringComparison.Ordinal)
            .Replace("{P}", Places[rng.Next(Places.Length)], StringComparison.Ordinal)
            .Replace("{Q}", Places[rng.Next(Places.Length)] + " " + Teams[rng.Next(Teams.Length)], StringComparison.Ordinal)
            .Replace("{U}", Teams[rng.Next(Teams.Length)], StringComparison.Ordinal)
            .Replace("{F}", Foods[rng.Next(Foods.Length)], StringComparison.Ordinal)
            .Replace("{E}", Eras[rng.Next(Eras.Length)], StringComparison.Ordinal)
            .Replace("{R}", Products[rng.Next(Products.Length)], StringComparison.Ordinal)
            .Replace("{D}", new[] { "Sunday", "Monday", "Friday", "weekend" }[rng.Next(4)], StringComparison.Ordinal)
            .Replace("{W}", word, StringComparison.Ordinal);
    }

    /// <summary>The annotator's judgement: the kind whose keywords the text holds most of.</summary>
    public static Kind Judge(string text)
    {
        var lower = text.ToLowerInvariant();
        return Kinds.OrderByDescending(k => k.Keywords.Sum(w => Count(lower, w))).First();
    }

    private static int Count(string text, string word)
    {
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }

    /// <summary>Whether the scripted annotator garbles its answer for this text (about one in twenty-five), and how.</summary>
    public static int MalformedKind(string text)
    {
        var h = 2166136261u;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619u;
        }

        return h % 25 == 0 ? 1 + (int)(h / 25 % 3) : 0;
    }

    /// <summary>The scripted model's answer to a document: a short justification and the two lines, in one of a few styles.</summary>
    public static string Answer(string document)
    {
        var kind = Judge(document);
        switch (MalformedKind(document))
        {
            case 1:
                return "I'm sorry, but I can't evaluate this extract.";
            case 2:
                return $"The extract is outstanding.\nEducational score: 9\nDomain: {kind.Domain}";
            case 3:
                return $"Educational score: {kind.EduScore}\nDomain: cooking-and-lifestyle";
        }

        return (document.Length % 3) switch
        {
            0 => $"The extract is typical {kind.Name} material.\nEducational score: {kind.EduScore}\nDomain: {kind.Domain}",
            1 => $"<think>It reads like {kind.Name}.</think>\nJustification: consistent with the rubric.\n\n**Educational score:** {kind.EduScore}/5\n**Domain:** {kind.Domain.ToUpperInvariant()}",
            _ => $"Points: criteria met as described.\neducational score = {kind.EduScore}\ndomain: {kind.Domain}.",
        };
    }
}
