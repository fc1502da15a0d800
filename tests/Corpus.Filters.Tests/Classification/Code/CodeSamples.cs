namespace Corpus.Filters.Tests.Classification.Code;

/// <summary>Realistic snippets, one per language, and prose that must not be called code.</summary>
internal static class CodeSamples
{
    public static IReadOnlyDictionary<string, string> ByLanguage { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Python"] = """
            import os
            from collections import Counter


            def count_words(path: str) -> Counter:
                counts = Counter()
                with open(path, encoding="utf-8") as f:
                    for line in f:
                        counts.update(line.lower().split())
                return counts


            class Report:
                def __init__(self, counts):
                    self.counts = counts

                def top(self, n=10):
                    return self.counts.most_common(n)


            if __name__ == "__main__":
                report = Report(count_words(os.environ.get("INPUT", "book.txt")))
                for word, n in report.top():
                    print(f"{word}\t{n}")
            """,
        ["C"] = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>

            typedef struct node {
                int value;
                struct node *next;
            } node;

            static node *push(node *head, int value) {
                node *n = malloc(sizeof(node));
                if (n == NULL) {
                    perror("malloc");
                    exit(1);
                }
                n->value = value;
                n->next = head;
                return n;
            }

            int main(int argc, char **argv) {
                node *list = NULL;
                for (int i = 1; i < argc; i++) {
                    list = push(list, atoi(argv[i]));
                }
                for (node *p = list; p != NULL; p = p->next) {
                    printf("%d\n", p->value);
                }
                return 0;
            }
            """,
        ["C++"] = """
            #include <iostream>
            #include <vector>
            #include <algorithm>

            template <typename T>
            class Stack {
            public:
                void push(const T& value) { items_.push_back(value); }
                T pop() {
                    T top = items_.back();
                    items_.pop_back();
                    return top;
                }
                bool empty() const { return items_.empty(); }
            private:
                std::vector<T> items_;
            };

            int main() {
                Stack<int> s;
                for (auto i : {3, 1, 4, 1, 5}) s.push(i);
                while (!s.empty()) std::cout << s.pop() << std::endl;
                return 0;
            }
            """,
        ["C#"] = """
            using System;
            using System.Collections.Generic;
            using System.Linq;

            namespace Inventory;

            public sealed class Item
            {
                public string Name { get; set; } = "";
                public decimal Price { get; init; }
            }

            public static class Program
            {
                public static void Main(string[] args)
                {
                    var items = new List<Item> { new() { Name = "pen", Price = 1.5m }, new() { Name = "book", Price = 12m } };
                    foreach (var item in items.OrderBy(i => i.Price))
                    {
                        Console.WriteLine($"{item.Name}: {item.Price}");
                    }
                }
            }
            """,
        ["Java"] = """
            package com.example.bank;

            import java.util.ArrayList;
            import java.util.List;

            public class Account {
                private final String owner;
                private long balance;
                private final List<String> history = new ArrayList<>();

                public Account(String owner) {
                    this.owner = owner;
                }

                public void deposit(long amount) {
                    if (amount <= 0) {
                        throw new IllegalArgumentException("amount must be positive");
                    }
                    balance += amount;
                    history.add("deposit " + amount);
                }

                @Override
                public String toString() {
                    return owner + ": " + balance;
                }

                public static void main(String[] args) {
                    Account a = new Account("Ada");
                    a.deposit(100);
                    System.out.println(a);
                }
            }
            """,
        ["JavaScript"] = """
            const express = require('express');
            const app = express();

            function formatUser(user) {
              return `${user.first} ${user.last}`;
            }

            app.get('/users/:id', async (req, res) => {
              const user = await db.find(req.params.id);
              if (user === undefined) {
                return res.status(404).send('not found');
              }
              res.json({ name: formatUser(user) });
            });

            app.listen(3000, () => console.log('listening on 3000'));
            module.exports = app;
            """,
        ["TypeScript"] = """
            import { readFile } from 'fs/promises';

            export interface Todo {
              id: number;
              title: string;
              done: boolean;
            }

            export type Filter = 'all' | 'open' | 'done';

            export async function loadTodos(path: string): Promise<Todo[]> {
              const text = await readFile(path, 'utf8');
              return JSON.parse(text) as Todo[];
            }

            export function visible(todos: Todo[], filter: Filter): Todo[] {
              return todos.filter((t) => filter === 'all' || (filter === 'done') === t.done);
            }

            class Store {
              private readonly items: Todo[] = [];
              add(todo: Todo): void {
                this.items.push(todo);
              }
            }
            """,
        ["Go"] = """
            package main

            import (
            	"bufio"
            	"fmt"
            	"os"
            	"strings"
            )

            type Counter struct {
            	counts map[string]int
            }

            func (c *Counter) Add(word string) {
            	c.counts[strings.ToLower(word)]++
            }

            func main() {
            	c := &Counter{counts: make(map[string]int)}
            	scanner := bufio.NewScanner(os.Stdin)
            	scanner.Split(bufio.ScanWords)
            	for scanner.Scan() {
            		c.Add(scanner.Text())
            	}
            	if err := scanner.Err(); err != nil {
            		fmt.Fprintln(os.Stderr, err)
            		os.Exit(1)
            	}
            	fmt.Println(len(c.counts), "distinct words")
            }
            """,
        ["Rust"] = """
            use std::collections::HashMap;
            use std::io::{self, Read};

            #[derive(Debug, Default)]
            struct Stats {
                words: usize,
                lines: usize,
            }

            impl Stats {
                fn from_text(text: &str) -> Self {
                    Stats { words: text.split_whitespace().count(), lines: text.lines().count() }
                }
            }

            fn main() -> io::Result<()> {
                let mut input = String::new();
                io::stdin().read_to_string(&mut input)?;
                let mut freq: HashMap<&str, u32> = HashMap::new();
                for w in input.split_whitespace() {
                    *freq.entry(w).or_insert(0) += 1;
                }
                let stats = Stats::from_text(&input);
                println!("{:?} {}", stats, freq.len());
                Ok(())
            }
            """,
        ["Ruby"] = """
            require 'json'

            class Library
              attr_reader :books

              def initialize
                @books = []
              end

              def add(title, author)
                @books << { title: title, author: author }
                self
              end

              def by(author)
                @books.select { |b| b[:author] == author }
              end
            end

            lib = Library.new
            lib.add('Dune', 'Herbert').add('Emma', 'Austen')
            lib.books.each do |book|
              puts "#{book[:title]} by #{book[:author]}"
            end
            puts lib.by('Austen').to_json unless lib.books.empty?
            """,
        ["PHP"] = """
            <?php
            namespace App\Controllers;

            use App\Models\Post;

            class PostController
            {
                private $repository;

                public function __construct($repository)
                {
                    $this->repository = $repository;
                }

                public function show($id)
                {
                    $post = $this->repository->find($id);
                    if ($post === null) {
                        http_response_code(404);
                        echo "Post not found";
                        return;
                    }
                    foreach ($post->comments as $comment) {
                        echo htmlspecialchars($comment->body);
                    }
                }
            }
            """,
        ["Shell"] = """
            set -euo pipefail

            BACKUP_DIR="${BACKUP_DIR:-/var/backups}"
            export TZ=UTC

            if [ ! -d "$BACKUP_DIR" ]; then
              mkdir -p "$BACKUP_DIR"
            fi

            for db in $(psql -At -c "select datname from pg_database" | grep -v template); do
              file="$BACKUP_DIR/$db-$(date +%F).sql.gz"
              pg_dump "$db" | gzip > "$file"
              echo "saved $file"
            done

            find "$BACKUP_DIR" -name '*.sql.gz' -mtime +14 -delete
            """,
        ["SQL"] = """
            CREATE TABLE customers (
                id INTEGER PRIMARY KEY,
                name VARCHAR(100) NOT NULL,
                country VARCHAR(2)
            );

            CREATE TABLE orders (
                id INTEGER PRIMARY KEY,
                customer_id INTEGER REFERENCES customers(id),
                total DECIMAL(10, 2)
            );

            SELECT c.country, COUNT(*) AS orders, SUM(o.total) AS revenue
            FROM orders o
            INNER JOIN customers c ON c.id = o.customer_id
            WHERE o.total > 10
            GROUP BY c.country
            ORDER BY revenue DESC;
            """,
        ["HTML"] = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Contact</title>
              <link rel="stylesheet" href="site.css">
            </head>
            <body>
              <nav class="top"><a href="/">Home</a> <a href="/about">About</a></nav>
              <form action="/send" method="post">
                <label for="mail">E-mail</label>
                <input id="mail" name="mail" type="email">
                <button type="submit">Send</button>
              </form>
            </body>
            </html>
            """,
        ["CSS"] = """
            body {
              margin: 0;
              font-family: Georgia, serif;
              background-color: #fafafa;
            }

            .card > h2 {
              font-size: 1.4rem;
              color: #333;
            }

            nav a:hover {
              border-bottom: 2px solid #c00;
            }

            @media (max-width: 600px) {
              .card {
                padding: 8px;
              }
            }
            """,
        ["Kotlin"] = """
            package shop

            import kotlin.math.roundToInt

            data class Product(val name: String, val price: Double)

            class Cart {
                private val items = mutableListOf<Product>()

                fun add(product: Product) = items.add(product)

                fun total(): Int = items.sumOf { it.price }.roundToInt()

                companion object {
                    fun empty() = Cart()
                }
            }

            fun main() {
                val cart = Cart.empty()
                cart.add(Product("tea", 3.5))
                when (cart.total()) {
                    0 -> println("empty")
                    else -> println("total: ${cart.total()}")
                }
            }
            """,
        ["Swift"] = """
            import Foundation

            struct Temperature {
                let celsius: Double
                var fahrenheit: Double { celsius * 9 / 5 + 32 }
            }

            func parse(_ text: String) -> Temperature? {
                guard let value = Double(text) else {
                    return nil
                }
                return Temperature(celsius: value)
            }

            let readings = ["21.5", "x", "30"]
            for r in readings {
                if let t = parse(r) {
                    print("\(t.celsius) C is \(t.fahrenheit) F")
                } else {
                    print("cannot read \(r)")
                }
            }
            """,
        ["Lua"] = """
            local Queue = {}
            Queue.__index = Queue

            function Queue.new()
              return setmetatable({ first = 1, last = 0, items = {} }, Queue)
            end

            function Queue:push(value)
              self.last = self.last + 1
              self.items[self.last] = value
            end

            local function sum(t)
              local total = 0
              for _, v in ipairs(t) do
                total = total + v
              end
              return total
            end

            local q = Queue.new()
            q:push(5)
            if q.last ~= 0 then
              print("sum: " .. sum(q.items))
            end
            """,
        ["Perl"] = """
            use strict;
            use warnings;

            my %count;
            my $file = shift @ARGV or die "usage: $0 FILE\n";
            open(my $fh, '<', $file) or die "cannot open $file: $!";
            while (my $line = <$fh>) {
                chomp($line);
                next if $line =~ /^\s*#/;
                $count{$_}++ for split /\s+/, $line;
            }
            close($fh);

            sub report {
                my ($n) = @_;
                foreach my $word (sort { $count{$b} <=> $count{$a} } keys %count) {
                    print "$word: $count{$word}\n";
                    last if --$n == 0;
                }
            }

            report(10);
            """,
        ["R"] = """
            library(dplyr)
            library(ggplot2)

            scores <- read.csv("scores.csv", stringsAsFactors = FALSE)

            summary_by_class <- scores %>%
              filter(!is.na(score)) %>%
              group_by(class) %>%
              summarise(mean = mean(score), sd = sd(score), n = n())

            zscore <- function(x) {
              (x - mean(x)) / sd(x)
            }

            scores$z <- zscore(scores$score)
            print(head(summary_by_class))
            ggplot(scores, aes(x = class, y = score)) + geom_boxplot()
            """,
        ["Haskell"] = """
            module Main where

            import Data.Char (toLower)
            import qualified Data.Map as Map

            data Shape = Circle Double | Rect Double Double
              deriving (Show, Eq)

            area :: Shape -> Double
            area (Circle r) = pi * r * r
            area (Rect w h) = w * h

            wordFreq :: String -> Map.Map String Int
            wordFreq = Map.fromListWith (+) . map (\w -> (map toLower w, 1)) . words

            main :: IO ()
            main = do
              text <- getContents
              let freq = wordFreq text
              putStrLn (show (Map.size freq) ++ " words")
              mapM_ (print . area) [Circle 1.0, Rect 2 3]
            """,
        ["Scala"] = """
            import scala.io.Source

            case class Sale(region: String, amount: Double)

            object Report extends App {
              def parse(line: String): Option[Sale] = line.split(",") match {
                case Array(r, a) => a.toDoubleOption.map(Sale(r, _))
                case _ => None
              }

              val sales = Source.fromFile("sales.csv").getLines().flatMap(parse).toList
              val byRegion = sales.groupBy(_.region).view.mapValues(_.map(_.amount).sum)
              byRegion.toSeq.sortBy(-_._2).foreach { case (r, total) =>
                println(s"$r: $total")
              }
            }
            """,
        ["Markdown"] = """
            # Installing the tool

            The tool needs **Python 3.10** or newer. See the [release notes](https://example.org/releases) for changes.

            ## Steps

            1. Download the archive.
            2. Unpack it into a folder of your choice.
            3. Run the installer:

            ```bash
            ./install.sh --prefix ~/.local
            ```

            - Windows users: use `install.ps1` instead.
            - macOS users: allow the app in *System Settings*.

            > Note: the installer never needs administrator rights.
            """,
        ["JSON"] = """
            {
              "name": "weather-station",
              "version": "2.1.0",
              "sensors": [
                { "id": "t1", "kind": "temperature", "unit": "C", "interval": 60 },
                { "id": "h1", "kind": "humidity", "unit": "%", "interval": 300 }
              ],
              "upload": { "url": "https://example.org/api", "retries": 3, "enabled": true }
            }
            """,
        ["YAML"] = """
            ---
            name: build
            on:
              push:
                branches: [main]
              pull_request:

            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - name: Set up Python
                    uses: actions/setup-python@v5
                    with:
                      python-version: "3.12"
                  - run: pip install -r requirements.txt
                  - run: pytest -q
            """,
        ["TeX"] = """
            \documentclass[11pt]{article}
            \usepackage{amsmath,amssymb}
            \newcommand{\R}{\mathbb{R}}

            \begin{document}
            \section{Convex functions}
            A function $f\colon \R^n \to \R$ is convex when
            \begin{equation}
              f(\lambda x + (1-\lambda) y) \le \lambda f(x) + (1-\lambda) f(y)
              \label{eq:convex}
            \end{equation}
            for all $x, y$ and $\lambda \in [0,1]$; see \cite{boyd2004} and Eq.~\ref{eq:convex}.
            \end{document}
            """,
        ["XML"] = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>org.example</groupId>
              <artifactId>reader</artifactId>
              <dependencies>
                <dependency>
                  <groupId>junit</groupId>
                  <artifactId>junit</artifactId>
                  <scope>test</scope>
                </dependency>
              </dependencies>
              <build><finalName>reader</finalName></build>
            </project>
            """,
        ["Makefile"] = """
            CC ?= gcc
            CFLAGS += -O2 -Wall
            SRC := $(wildcard src/*.c)
            OBJ := $(SRC:.c=.o)

            .PHONY: all clean

            all: reader

            reader: $(OBJ)
            	$(CC) $(CFLAGS) -o $@ $^ $(LDFLAGS)

            %.o: %.c
            	$(CC) $(CFLAGS) -c $< -o $@

            clean:
            	$(RM) reader $(OBJ)
            """,
        ["Dockerfile"] = """
            FROM python:3.12-slim AS base
            ARG VERSION=1.0
            ENV PYTHONDONTWRITEBYTECODE=1
            WORKDIR /app
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            COPY . .
            EXPOSE 8000
            USER nobody
            CMD ["gunicorn", "app:server", "--bind", "0.0.0.0:8000"]
            """,
        ["PowerShell"] = """
            [CmdletBinding()]
            param (
                [Parameter(Mandatory = $true)]
                [string]$Path,
                [int]$Top = 10
            )

            $words = Get-Content -Path $Path | ForEach-Object { $_.ToLower() -split '\s+' }
            $counts = $words | Where-Object { $_ -ne '' } | Group-Object | Sort-Object Count -Descending
            foreach ($entry in $counts | Select-Object -First $Top) {
                Write-Output ("{0,-20} {1}" -f $entry.Name, $entry.Count)
            }
            """,
    };

    public static IReadOnlyDictionary<string, string> Prose { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["news"] = """
            The city council voted on Tuesday to extend the night bus service until the end of the year, after a trial that carried more passengers than expected.

            Councillor Maria Lopez, who proposed the extension, said the buses had become a lifeline for hospital staff and students. "People told us they could finally take evening shifts," she said.

            The service will cost about 1.2 million euros a year. Opposition members asked for a review in six months; the motion passed by 31 votes to 12.
            """,
        ["recipe"] = """
            Lemon and thyme roast chicken

            Heat the oven to 200 degrees. Rub the chicken with olive oil, salt and pepper, then push the lemon halves and a bunch of thyme inside.

            Roast for about an hour and twenty minutes, basting twice, until the juices run clear when you pierce the thigh.

            Let it rest for ten minutes before carving. Serve with roast potatoes and a green salad.
            """,
        ["math"] = """
            To solve the quadratic equation x^2 - 5x + 6 = 0, we look for two numbers whose product is 6 and whose sum is 5.

            Those numbers are 2 and 3, so the equation factors as (x - 2)(x - 3) = 0. Setting each factor to zero gives the solutions x = 2 and x = 3.

            We can check the answer by substitution: 2^2 - 5(2) + 6 = 4 - 10 + 6 = 0, as required.
            """,
        ["history"] = """
            The printing press reached Venice in 1469, barely fifteen years after Gutenberg's Bible, and within three decades the city had become the capital of European publishing.

            Printers such as Aldus Manutius introduced small portable books and the italic type that made them readable. Scholars from across the continent travelled to Venice to see their work into print.

            Historians still argue about how much the new technology changed the way ordinary people read, but its effect on learned culture is beyond dispute.
            """,
        ["list"] = """
            Opening hours:
            Monday to Friday: 9 am to 6 pm
            Saturday: 10 am to 4 pm
            Sunday: closed

            Address: 12 Harbour Street, Dover
            Phone: please call the main office for appointments.
            """,
    };

    public static string TutorialWithCode { get; } = """
        Reading a file line by line is one of the first things people learn in Python. The simplest way is to open the file in a with block, which closes it for you even if an error occurs.

        Here is a short example that counts the lines of a file:

        ```python
        def count_lines(path):
            with open(path) as f:
                return sum(1 for _ in f)

        print(count_lines("notes.txt"))
        ```

        The generator expression inside sum reads one line at a time, so the program uses little memory even for very large files. If you need the lines themselves, iterate over the file object directly instead of calling readlines, which loads everything at once.
        """;
}
