using Corpus.Filters.Classification.Code;

namespace Corpus.Filters.Tests.Classification.Code;

public sealed class ProgrammingLanguageIdentifierTests
{
    public static TheoryData<string> Languages => [.. CodeSamples.ByLanguage.Keys];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Each_language_is_named_from_its_text_alone(string language)
    {
        var guess = ProgrammingLanguageIdentifier.Identify(CodeSamples.ByLanguage[language]);

        guess.Language.Should().Be(language);
        guess.Confidence.Should().BeGreaterThan(0.25);
    }

    [Fact]
    public void Every_language_it_names_has_a_sample()
    {
        ProgrammingLanguageIdentifier.Languages.Should().BeEquivalentTo(CodeSamples.ByLanguage.Keys);
    }

    [Theory]
    [InlineData("#!/usr/bin/env python3\nprint('hi')\n", "Python")]
    [InlineData("#!/bin/bash\nls\n", "Shell")]
    [InlineData("#!/usr/bin/env -S node --no-warnings\nmain()\n", "JavaScript")]
    [InlineData("#!/usr/bin/perl -w\nprint 1;\n", "Perl")]
    [InlineData("#!/usr/bin/env Rscript\nx\n", "R")]
    [InlineData("#!/usr/bin/env ruby\nx\n", "Ruby")]
    public void A_shebang_decides(string text, string language)
    {
        ProgrammingLanguageIdentifier.Identify(text).Should().Be(new ProgrammingLanguageGuess(language, 1));
    }

    [Fact]
    public void A_file_extension_in_the_url_tips_an_ambiguous_snippet()
    {
        const string snippet = "x = compute(a, b)\nresult = x * 2\n";

        ProgrammingLanguageIdentifier.Identify(snippet, "https://raw.githubusercontent.com/o/r/main/tools/calc.py").Language.Should().Be("Python");
        ProgrammingLanguageIdentifier.Identify(snippet, "file:///home/me/calc.rb").Language.Should().Be("Ruby");
    }

    [Fact]
    public void A_makefile_or_dockerfile_name_in_the_url_is_a_hint_too()
    {
        const string snippet = "build: deps\n\tgo build ./...\n";

        ProgrammingLanguageIdentifier.Identify(snippet, "https://raw.githubusercontent.com/o/r/main/Makefile").Language.Should().Be("Makefile");
        ProgrammingLanguageIdentifier.Identify("RUN make\nCOPY . /src\n", "file:///src/app/Dockerfile").Language.Should().Be("Dockerfile");
    }

    [Fact]
    public void A_web_page_extension_is_no_hint_over_http()
    {
        ProgrammingLanguageIdentifier.Identify(CodeSamples.ByLanguage["Go"], "https://example.org/snippets/show.php").Language.Should().Be("Go");
    }

    [Fact]
    public void Prose_without_evidence_is_unknown()
    {
        ProgrammingLanguageIdentifier.Identify(CodeSamples.Prose["recipe"]).Should().Be(new ProgrammingLanguageGuess(ProgrammingLanguageIdentifier.Unknown, 0));
    }

    public static TheoryData<string, string> Pathological => new()
    {
        { "a run of blank lines", new string('\n', 20_000) + "x = 1\n" },
        { "a long line of spaces", "for x in" + new string(' ', 20_000) + "y\n" },
        { "a YAML file", string.Concat(Enumerable.Range(0, 400).Select(i => $"key{i}:\n  - name: item {i}\n    value: {i}\n\n")) },
        { "a long dotted line", string.Concat(Enumerable.Repeat("a.", 10_000)) },
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void Texts_that_made_backtracking_patterns_run_away_get_an_answer(string kind, string text)
    {
        // A backtracking engine spent seconds on these (and, with its 1 s timeout, threw in the filter phase).
        var identify = () => ProgrammingLanguageIdentifier.Identify(text);

        identify.Should().NotThrow(kind);
    }

    [Fact]
    public void Both_engines_find_the_same_matches_of_every_pattern_on_every_sample()
    {
        var texts = CodeSamples.ByLanguage.Values.Concat(CodeSamples.Prose.Values).ToList();
        var compared = 0;
        foreach (var (pattern, _) in ProgrammingLanguageIdentifier.PatternLiterals)
        {
            var backtracking = pattern.Backtracking;
            foreach (var text in texts)
            {
                var expected = backtracking.Matches(text).Select(m => (m.Index, m.Length)).ToList();
                pattern.Linear.Matches(text).Select(m => (m.Index, m.Length)).Should().Equal(expected, pattern.ToString());
                compared += expected.Count;
            }
        }

        compared.Should().BeGreaterThan(500);
    }

    [Fact]
    public void A_text_past_the_backtracking_budget_moves_its_pattern_to_the_linear_engine_with_the_same_count()
    {
        var pattern = new EvidencePattern(@"^\s*def \w+\(.*\)\s*:\s*$");
        const string Code = "def f(x):\n    return x\n\ndef g(y):\n    return y\n";

        pattern.Count(Code, 3).Should().Be(2);
        pattern.LinearOnly.Should().BeFalse();

        // Each of the 50,000 line starts scans every newline after it: seconds for the backtracking engine.
        pattern.Count(new string('\n', 50_000) + "x", 3).Should().Be(0);
        pattern.LinearOnly.Should().BeTrue();
        pattern.Count(Code, 3).Should().Be(2);
    }

    [Fact]
    public void Java_class_and_block_lines_are_not_css_selectors()
    {
        const string java = """

            import example.*;

            public class example_runme {

              static {
                try {
                  System.loadLibrary("example");
                } catch (UnsatisfiedLinkError e) {
                  System.exit(1);
                }
              }

              public static void main(String argv[])
              {
                A a = new A();
                a.run(a, a);
              }
            }
            """;

        ProgrammingLanguageIdentifier.Identify(java).Language.Should().Be("Java");
    }

    [Fact]
    public void Comment_lines_of_code_are_not_markdown_headings_or_lists()
    {
        const string c = """
            /* Properties of Unicode characters.
               This file is dual-licensed; you can redistribute it under either
                 - the terms of the GNU Lesser General Public License, or
                 - the terms of the GNU General Public License, or
                 - the same dual license.  */

            # include <config.h>
            # include "unictype.h"

            bool
            uc_is_space (ucs4_t uc)
            {
              return bitmap_lookup (&u_is_space, uc);
            }
            """;
        const string perl = """
            # !!!!!!!   DO NOT EDIT THIS FILE   !!!!!!!
            # This file is machine-generated from the Unicode database.

            # This file is for internal use by core Perl only.
            # Use Unicode::UCD to access the Unicode character data base.


            return <<'END';
            V8
            4096
            4256
            END
            """;

        ProgrammingLanguageIdentifier.Identify(c).Language.Should().Be("C");
        ProgrammingLanguageIdentifier.Identify(perl).Language.Should().Be("Perl");
        ProgrammingLanguageIdentifier.Identify("# Title\n\nSome text with a [link](https://example.org).\n\n- one\n- two\n").Language.Should().Be("Markdown");
    }

    [Fact]
    public void A_file_that_opens_in_php_is_php_whatever_html_it_writes()
    {
        const string php = """
            <?php
            $lang['title'] = 'Página <a href="https://example.org/help">ajuda</a>';
            $lang['body'] = '<div class="note"><p>Texto</p></div><ul><li>um</li></ul>';
            $lang['foot'] = '<span id="x">fim</span></a>';
            """;

        ProgrammingLanguageIdentifier.Identify(php).Language.Should().Be("PHP");
    }

    [Fact]
    public void Json_cut_short_is_still_json_and_broken_json_is_not()
    {
        var whole = "[" + string.Join(",\n", Enumerable.Range(0, 200).Select(i => $$"""{"id": {{i}}, "name": "item {{i}}", "tags": ["a", "b"]}""")) + "]";

        ProgrammingLanguageIdentifier.Identify(whole).Language.Should().Be("JSON");
        ProgrammingLanguageIdentifier.Identify(whole[..(whole.Length / 2)]).Language.Should().Be("JSON", "the first half of a long JSON file");
        ProgrammingLanguageIdentifier.Identify("[1, 2, three, four]\n").Language.Should().NotBe("JSON");
    }

    [Fact]
    public void Plpgsql_is_sql_and_statements_ending_in_semicolons_are_not()
    {
        const string sql = """
            CREATE OR REPLACE FUNCTION postgis_version() RETURNS text
            AS $$ SELECT '3.3' $$
            LANGUAGE 'sql' IMMUTABLE;

            CREATE OR REPLACE FUNCTION st_area(geom geometry) RETURNS float8
            AS 'MODULE_PATHNAME', 'area'
            LANGUAGE 'c' IMMUTABLE STRICT;
            """;
        const string js = """
            const a = require('a');
            let total = 0;
            for (const x of items) {
              total += x.size;
            }
            console.log(total);
            """;

        ProgrammingLanguageIdentifier.Identify(sql).Language.Should().Be("SQL");
        ProgrammingLanguageIdentifier.Identify(js).Language.Should().Be("JavaScript");
    }

    [Theory]
    [InlineData("R", "test_that(\"basic properties upheld\", {\n  skip_if_not_installed(\"vctrs\")\n\n  expect_success(expect_vector(1:10, size = 10))\n  expect_failure(expect_vector(1:10, size = 5))\n})\n")]
    [InlineData("Haskell", "{-# OPTIONS_GHC -fno-implicit-prelude #-}\n-- | Booleans\nmodule Data.Bool (\n   Bool(..),\n   (&&),\n   not,\n  ) where\n\nimport GHC.Base\n")]
    [InlineData("TypeScript", "import { MonoTypeOperatorFunction } from '../types';\n/**\n * Emits a value.\n */\nexport declare function debounce<T>(durationSelector: (value: T) => ObservableInput<any>): MonoTypeOperatorFunction<T>;\n")]
    [InlineData("Ruby", "# frozen_string_literal: true\n\nmodule Rack\n  class Regexp\n    def match?(string, pos = 0)\n      !!match(string, pos)\n    end unless method_defined?(:match?)\n  end\nend\n")]
    [InlineData("C++", "#pragma once\n#include \"../detail/type_mat2x3.hpp\"\n\nnamespace glm\n{\n\t/// @see <a href=\"http://example.org/spec.pdf\">the spec</a>\n\ttypedef mat<2, 3, double, defaultp>\t\tdmat2x3;\n}//namespace glm\n")]
    public void Idioms_of_real_files_name_their_language(string language, string text)
    {
        ProgrammingLanguageIdentifier.Identify(text).Language.Should().Be(language);
    }
}
