using NewsIndex.Entities;
using NewsIndex.Ingestion;
using NewsIndex.Stories;
using static NewsIndex.Tests.ArticleBuilder;

namespace NewsIndex.Tests.Stories;

public sealed class StoryAssignerTests
{
    private static readonly EntityTagger Tagger = EntityCatalog.Default.Tagger;

    private static Article[] Seeds() =>
        ArticleReader.Read(TestPaths.Seeds, e => Assert.Fail(e.ToString())).OrderBy(a => a.Id, StringComparer.Ordinal).ToArray();

    private static StoryAssignment Assign(StoryAssigner assigner, Article article) => assigner.Assign(article, Tagger.Tag(article));

    // Two shootings of one kind on one day, in other cities with other people, and a second outlet's rewrite of the first.
    private static readonly Article DaytonBar = Article("dayton-1",
        "DAYTON, Ohio — Two men were killed and three wounded early Saturday when a gunman opened fire inside the Blue Heron bar on " +
        "Wayne Avenue, Dayton police said. Police identified the victims as Marcus Reed, 31, and Tyrone Gaines, 27. Detectives are " +
        "searching for a suspect seen fleeing in a silver sedan.",
        "Gunman kills two, wounds three at Dayton bar", Day(2016, 7, 9), "daytondailynews.com");

    private static readonly Article DaytonRewrite = Article("dayton-2",
        "Dayton police are looking for the gunman who shot five people, killing two, at the Blue Heron bar on Wayne Avenue early " +
        "Saturday. Marcus Reed and Tyrone Gaines died at the scene; three others were taken to Miami Valley Hospital.",
        "Two dead, three hurt in shooting at Blue Heron bar in Dayton", Day(2016, 7, 10), "whio.com");

    private static readonly Article TucsonBar = Article("tucson-1",
        "TUCSON, Ariz. — Two women were killed and three wounded late Saturday when a gunman opened fire inside the Copper Cactus " +
        "lounge on Speedway Boulevard, Tucson police said. Police identified the victims as Elena Ortiz, 24, and Janelle Brooks, 35. " +
        "Detectives arrested a suspect a few blocks away.",
        "Gunman kills two, wounds three at Tucson lounge", Day(2016, 7, 9), "tucson.com");

    [Test]
    public void Assign_FiveSeedReports_FormExactlyOneStory()
    {
        var assigner = new StoryAssigner();

        var stories = Seeds().Select(a => Assign(assigner, a).StoryId).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(stories, Has.Length.EqualTo(5));
            Assert.That(stories.Distinct().Count(), Is.EqualTo(1), string.Join(", ", stories));
            Assert.That(assigner.StoryCount, Is.EqualTo(1));
            Assert.That(assigner.ArticlesOf(stories[0]), Has.Count.EqualTo(5));
        });
    }

    [Test]
    public void Assign_SyndicatedCopyWithNewId_JoinsItsOriginalAsDuplicate()
    {
        var assigner = new StoryAssigner();
        var original = Assign(assigner, DaytonBar);
        Assign(assigner, TucsonBar);

        var copy = Assign(assigner, DaytonBar with { Id = "wire-copy-77", Source = "apnews.com", Title = "Two killed in Ohio bar shooting" });

        Assert.Multiple(() =>
        {
            Assert.That(copy.StoryId, Is.EqualTo(original.StoryId));
            Assert.That(copy.Match, Is.EqualTo(StoryMatch.Duplicate));
            Assert.That(copy.MatchedArticleId, Is.EqualTo("dayton-1"));
        });
    }

    [Test]
    public void Assign_LookAlikeEventsInOtherPlaces_StayApart_WhileARewriteJoins()
    {
        var assigner = new StoryAssigner();

        var dayton = Assign(assigner, DaytonBar);
        var tucson = Assign(assigner, TucsonBar);
        var rewrite = Assign(assigner, DaytonRewrite);

        Assert.Multiple(() =>
        {
            Assert.That(tucson.StoryId, Is.Not.EqualTo(dayton.StoryId));
            Assert.That(tucson.Match, Is.EqualTo(StoryMatch.New));
            Assert.That(rewrite.StoryId, Is.EqualTo(dayton.StoryId));
            Assert.That(rewrite.Match, Is.EqualTo(StoryMatch.Related));
        });
    }

    [Test]
    public void Assign_SameEventMonthsApart_StartsANewStory()
    {
        var assigner = new StoryAssigner();
        var first = Assign(assigner, DaytonBar);

        var later = Assign(assigner, DaytonRewrite with { Id = "dayton-trial", Published = Day(2016, 11, 2) });

        Assert.That(later.StoryId, Is.Not.EqualTo(first.StoryId));
    }

    [Test]
    public void Assign_SameTextAgain_KeepsItsStory()
    {
        var assigner = new StoryAssigner();
        var first = Assign(assigner, DaytonBar);
        Assign(assigner, DaytonRewrite);

        var again = Assign(assigner, DaytonBar with { Source = "renamed outlet" });

        Assert.Multiple(() =>
        {
            Assert.That(again.StoryId, Is.EqualTo(first.StoryId));
            Assert.That(again.Match, Is.EqualTo(StoryMatch.Unchanged));
            Assert.That(again.Moved, Is.False);
            Assert.That(assigner.ArticleCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void Remove_AndReAdd_KeepIdsConsistent()
    {
        var assigner = new StoryAssigner();
        var seeds = Seeds();
        var story = seeds.Select(a => Assign(assigner, a).StoryId).Distinct().Single();

        // Seed 003 (dated by none, matched at 0.75): removed and re-added, it finds its story again.
        Assert.That(assigner.Remove(seeds[3].Id), Is.True);
        Assert.That(assigner.ArticlesOf(story), Has.Count.EqualTo(4));
        Assert.That(Assign(assigner, seeds[3]).StoryId, Is.EqualTo(story));

        foreach (var seed in seeds)
        {
            assigner.Remove(seed.Id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(assigner.StoryCount, Is.Zero);
            Assert.That(assigner.ArticlesOf(story), Is.Empty);
            Assert.That(assigner.Remove(seeds[0].Id), Is.False);
        });

        // Replaying the same articles gives the same ids (a story is named after its founding article).
        Assert.That(seeds.Select(a => Assign(assigner, a).StoryId).Distinct(), Is.EqualTo(new[] { story }));
    }

    [Test]
    public void Remove_OnlyArticle_DropsTheStory()
    {
        var assigner = new StoryAssigner();
        var tucson = Assign(assigner, TucsonBar);
        Assign(assigner, DaytonBar);

        assigner.Remove(TucsonBar.Id);

        Assert.Multiple(() =>
        {
            Assert.That(assigner.StoryCount, Is.EqualTo(1));
            Assert.That(assigner.ArticlesOf(tucson.StoryId), Is.Empty);
            Assert.That(assigner.StoryOf(TucsonBar.Id), Is.Null);
        });
    }

    [Test]
    public void Assign_EditThatChangesTheEvent_MovesTheArticle()
    {
        var assigner = new StoryAssigner();
        var dayton = Assign(assigner, DaytonBar);
        Assign(assigner, DaytonRewrite);
        var tucson = Assign(assigner, TucsonBar);

        // The rewrite is corrected: it was about the Tucson shooting all along.
        var edited = Assign(assigner, TucsonBar with { Id = DaytonRewrite.Id, Title = "Two women shot dead in Tucson lounge", Source = "whio.com" });

        Assert.Multiple(() =>
        {
            Assert.That(edited.PreviousStoryId, Is.EqualTo(dayton.StoryId));
            Assert.That(edited.StoryId, Is.EqualTo(tucson.StoryId));
            Assert.That(edited.Moved, Is.True);
            Assert.That(assigner.ArticlesOf(dayton.StoryId), Is.EqualTo(new[] { DaytonBar.Id }));
        });
    }

    [Test]
    public void Assign_EditOfALoneArticle_KeepsItsStoryId()
    {
        var assigner = new StoryAssigner();
        var first = Assign(assigner, TucsonBar);

        var edited = Assign(assigner, TucsonBar with { Body = TucsonBar.Body + " The lounge will stay closed this week." });

        Assert.Multiple(() =>
        {
            Assert.That(edited.StoryId, Is.EqualTo(first.StoryId));
            Assert.That(edited.Moved, Is.False);
            Assert.That(assigner.StoryCount, Is.EqualTo(1));
        });
    }

    [Test]
    public void BeyondMaxLiveArticles_TheEarliestArrivalsRetire_KeepingTheirStories()
    {
        var assigner = new StoryAssigner(StoryOptions.Default with { MaxLiveArticles = 2 });
        var dayton = Assign(assigner, DaytonBar).StoryId;
        var tucson = Assign(assigner, TucsonBar).StoryId;
        var third = Assign(assigner, Article("other-1", "Flooding closed schools across the county on Monday, officials said.", "Floods close schools", Day(2016, 7, 9))).StoryId;

        Assert.Multiple(() =>
        {
            Assert.That(assigner.LiveArticleCount, Is.EqualTo(2), "the earliest arrival retired");
            Assert.That(assigner.ArticleCount, Is.EqualTo(3));
            Assert.That(assigner.StoryCount, Is.EqualTo(3));
            Assert.That(assigner.StoryOf(DaytonBar.Id), Is.EqualTo(dayton), "a retired article keeps its story");
            Assert.That(assigner.ArticlesOf(dayton), Is.EqualTo(new[] { DaytonBar.Id }));
        });

        // An unchanged re-add of a retired article keeps its story; a copy no longer finds it (it is not a candidate).
        var again = Assign(assigner, DaytonBar);
        var copy = Assign(assigner, DaytonBar with { Id = "wire-copy-77", Source = "apnews.com" });
        Assert.Multiple(() =>
        {
            Assert.That(again.StoryId, Is.EqualTo(dayton));
            Assert.That(again.Match, Is.EqualTo(StoryMatch.Unchanged));
            Assert.That(copy.StoryId, Is.Not.EqualTo(dayton), "retired articles attract no new reports");
            Assert.That(assigner.LiveArticleCount, Is.EqualTo(2));
        });

        // Removing a retired article that was its story's only one drops the story; the others stand.
        Assert.That(assigner.Remove(DaytonBar.Id), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(assigner.StoryOf(DaytonBar.Id), Is.Null);
            Assert.That(assigner.ArticlesOf(dayton), Is.Empty);
            Assert.That(assigner.StoryOf(TucsonBar.Id), Is.EqualTo(tucson));
            Assert.That(assigner.StoryOf("other-1"), Is.EqualTo(third));
            Assert.That(assigner.Remove(DaytonBar.Id), Is.False);
        });
    }

    [Test]
    public void ARetiredArticleEdited_IsAssignedAgain_AndItsLoneStoryIdCarriesOver()
    {
        var assigner = new StoryAssigner(StoryOptions.Default with { MaxLiveArticles = 1 });
        var dayton = Assign(assigner, DaytonBar).StoryId;
        Assign(assigner, TucsonBar); // retires dayton-1

        var edited = Assign(assigner, DaytonBar with { Body = DaytonBar.Body + " A third victim died in hospital on Sunday." });

        Assert.Multiple(() =>
        {
            Assert.That(edited.PreviousStoryId, Is.EqualTo(dayton));
            Assert.That(edited.StoryId, Is.EqualTo(dayton), "the story it was alone in hands its id over");
            Assert.That(assigner.LiveArticleCount, Is.EqualTo(1));
            Assert.That(assigner.ArticleCount, Is.EqualTo(2));
        });
    }

    [Test]
    public void ManyArrivals_LiveArticlesStayBounded_AndRemovalsDoNotLeakTheQueue()
    {
        var assigner = new StoryAssigner(StoryOptions.Default with { MaxLiveArticles = 100 });
        for (var i = 0; i < 3000; i++)
        {
            var article = Article($"a{i}", $"Report number {i} on item {i % 37} of the council agenda, filed {i}.", $"Council item {i}", Day(2016, 1 + (i % 12), 1 + (i % 28)));
            assigner.Assign(article, new ArticleEntities([], EntitySet.Empty, EntitySet.Empty));
            if (i % 3 == 0)
            {
                assigner.Remove($"a{i}");
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(assigner.LiveArticleCount, Is.EqualTo(100));
            Assert.That(assigner.ArticleCount, Is.EqualTo(2000));
        });
    }

    [Test]
    public void PostedWords_OnlyTheRarestArePosted_YetARewriteSharingRareWordsFindsItsReport()
    {
        var assigner = new StoryAssigner(StoryOptions.Default with { PostedWords = 4 });
        Assign(assigner, DaytonBar);
        var signatures = new List<StorySignature> { assigner.SignatureOf(DaytonBar.Id)! };
        for (var i = 0; i < 40; i++)
        {
            // Other shootings that week: they share the common words (police, gunman, killed, wounded) with both reports.
            var filler = Article($"other-{i}",
                $"Police said a gunman killed one man and wounded {i % 5 + 2} people on street number {i} early Saturday; detectives are searching for a suspect.",
                $"Gunman kills one on street {i}", Day(2016, 7, 9), "example.com");
            Assign(assigner, filler);
            signatures.Add(assigner.SignatureOf(filler.Id)!);
        }

        var (words, postings) = assigner.WordTotals();
        var rewrite = Assign(assigner, DaytonRewrite);

        Assert.Multiple(() =>
        {
            Assert.That(words, Is.EqualTo(signatures.SelectMany(s => s.Words).Distinct().Count()), "every word is counted");
            Assert.That(postings, Is.LessThanOrEqualTo(4 * signatures.Count), "at most PostedWords keys an article");
            Assert.That(rewrite.StoryId, Is.EqualTo(assigner.StoryOf(DaytonBar.Id)));
            Assert.That(rewrite.MatchedArticleId, Is.EqualTo(DaytonBar.Id));
        });
    }

    [Test]
    public void RemovingEveryArticle_AfterUpsertsEditsAndRetirements_LeavesNoWordsOrPostings()
    {
        var assigner = new StoryAssigner(StoryOptions.Default with { PostedWords = 6, MaxLiveArticles = 50 });
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 400; i++)
        {
            var id = $"a{i % 120}";
            var text = i % 7 == 0 ? $"Council item {i % 120} again, unchanged." : $"Report {i} on council item {i % 120}, filed by desk {i % 9} about zoning {i % 13}.";
            Assign(assigner, Article(id, text, $"Council item {i % 120}", Day(2016, 1 + (i % 12), 1 + (i % 28))));
            ids.Add(id);
            if (i % 11 == 0)
            {
                assigner.Remove($"a{(i * 7) % 120}");
            }
        }

        Assert.That(assigner.WordTotals().Words, Is.GreaterThan(0));
        foreach (var id in ids)
        {
            assigner.Remove(id);
        }

        Assert.Multiple(() =>
        {
            Assert.That(assigner.ArticleCount, Is.EqualTo(0));
            Assert.That(assigner.StoryCount, Is.EqualTo(0));
            Assert.That(assigner.WordTotals(), Is.EqualTo((0, 0L)));
        });
    }

    [Test]
    public void Restore_FromStoredSignatures_RebuildsTheSameAssignments()
    {
        var original = new StoryAssigner();
        var seeds = Seeds();
        foreach (var article in seeds.Append(TucsonBar))
        {
            Assign(original, article);
        }

        var rebuilt = new StoryAssigner();
        foreach (var article in seeds.Append(TucsonBar))
        {
            var bytes = original.SignatureOf(article.Id)!.ToBytes();
            rebuilt.Restore(article.Id, original.StoryOf(article.Id)!, StorySignature.FromBytes(bytes));
        }

        var copy = seeds[3] with { Id = "syndicated-003" };
        Assert.Multiple(() =>
        {
            Assert.That(rebuilt.StoryCount, Is.EqualTo(original.StoryCount));
            Assert.That(Assign(rebuilt, copy).StoryId, Is.EqualTo(Assign(original, copy).StoryId));
            Assert.That(Assign(rebuilt, DaytonBar).StoryId, Is.EqualTo(Assign(original, DaytonBar).StoryId));
        });
    }

    [Test]
    public void Signature_RoundTripsThroughBytes_AndRejectsDamage()
    {
        var signature = StorySignature.Create(DaytonBar, Tagger.Tag(DaytonBar));
        var bytes = signature.ToBytes();

        Assert.Multiple(() =>
        {
            Assert.That(StorySignature.FromBytes(bytes), Is.EqualTo(signature));
            Assert.That(signature.Day, Is.EqualTo(new DateOnly(2016, 7, 9).DayNumber));
            Assert.That(signature.HasFingerprint, Is.True);
            Assert.That(bytes, Has.Length.LessThan(600));
            Assert.That(() => StorySignature.FromBytes(bytes.AsSpan(0, bytes.Length - 3)),
                Throws.TypeOf<StorySignatureFormatException>().With.Message.Contains("truncated"));
            Assert.That(() => StorySignature.FromBytes([9, 0]), Throws.TypeOf<StorySignatureFormatException>().With.Message.Contains("version 9"));
            Assert.That(() => StorySignature.FromBytes([.. bytes, 1]), Throws.TypeOf<StorySignatureFormatException>().With.Message.Contains("trailing"));
        });
    }

    [Test]
    public void Signature_ReadsAgesFromTitleAndLead_NumberWordsAndDigitsAlike()
    {
        static uint[] Ages(string title, string body)
        {
            var article = Article("a", body, title, Day(2016, 12, 30), "x");
            return StorySignature.Create(article, Tagger.Tag(article)).Ages;
        }

        var fifteen = Ages("Police: 15-year-old boy shot to death in Gresham", "Officers found the boy outside a home.");
        Assert.Multiple(() =>
        {
            Assert.That(fifteen, Has.Length.EqualTo(1));
            Assert.That(Ages("Boy shot to death in Gresham", "Officers found the fifteen-year-old outside a home."), Is.EqualTo(fifteen),
                "a number word reads as its digits, the body's lead as the title");
            Assert.That(Ages("Boy, 15 years old, shot", "No age here."), Is.EqualTo(fifteen), "spelled out with spaces");
            Assert.That(Ages("Boy shot", "The victim, aged 15, died."), Is.EqualTo(fifteen), "aged N");
            Assert.That(Ages("Girl, 14-year-old, shot in Gresham", "x"), Is.Not.EqualTo(fifteen));
            Assert.That(Ages("Baby shot", "The 15-month-old was hit."), Is.Not.EqualTo(fifteen), "months are not years");
            Assert.That(Ages("Shooting in 2016", "Fifteen people were hurt; police are old hands at this."), Is.Empty,
                "a count or a year is no age");
            Assert.That(Ages("Boy, 15", "years old, was shot"), Is.Empty, "an age does not run from the title into the body");
        });
    }

    [Test]
    public void AgeConflict_LowersTheScoreOfAReportAboutSomeoneElse_ByThePenalty()
    {
        // The rewrite is close enough to join either way; only its age differs between the two runs.
        var first = DaytonBar with { Title = "Gunman kills 15-year-old, wounds three at Dayton bar" };
        StoryAssignment Rewrite(StoryOptions options, string age)
        {
            var assigner = new StoryAssigner(options);
            assigner.Assign(first, Tagger.Tag(first));
            var rewrite = DaytonBar with { Id = "dayton-rewrite", Title = $"Gunman kills {age}, wounds three at Dayton bar", Body = DaytonRewrite.Body };
            return assigner.Assign(rewrite, Tagger.Tag(rewrite));
        }

        var same = Rewrite(StoryOptions.Default, "15-year-old");
        var other = Rewrite(StoryOptions.Default, "14-year-old");
        var otherWithoutPenalty = Rewrite(StoryOptions.Default with { AgeConflictPenalty = 0 }, "14-year-old");

        Assert.Multiple(() =>
        {
            Assert.That(same.Match, Is.EqualTo(StoryMatch.Related));
            Assert.That(otherWithoutPenalty.Match, Is.EqualTo(StoryMatch.Related));
            Assert.That(otherWithoutPenalty.Score - other.Score, Is.EqualTo(StoryOptions.Default.AgeConflictPenalty).Within(1e-9));
        });
    }

    [Test]
    public void Signature_OfFormatVersion1_StillReads_WithoutAges()
    {
        var signature = StorySignature.Create(DaytonBar with { Title = "Gunman kills 15-year-old at Dayton bar" }, Tagger.Tag(DaytonBar));
        var bytes = signature.ToBytes();

        // Version 1 is version 2 without the age list at the end.
        byte[] version1 = [1, .. bytes.AsSpan(1, bytes.Length - 1 - 1 - (signature.Ages.Length * 4))];
        var read = StorySignature.FromBytes(version1);

        Assert.Multiple(() =>
        {
            Assert.That(signature.Ages, Has.Length.EqualTo(1));
            Assert.That(bytes[0], Is.EqualTo(2));
            Assert.That(read.Ages, Is.Empty);
            Assert.That(read.ContentHash, Is.EqualTo(signature.ContentHash));
            Assert.That(read.Words, Is.EqualTo(signature.Words));
            Assert.That(read.About, Is.EqualTo(signature.About));
        });
    }

    [Test]
    public void Options_OutOfRange_AreRefusedByName()
    {
        Assert.That(() => new StoryAssigner(new StoryOptions { DuplicateBands = 17 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("DuplicateBands"));
    }

    [Test]
    public void StoryText_MainTitle_DropsOutletFurniture()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StoryText.MainTitle("Teen girl shot in Mosby Court - NBC12 - WWBT - Richmond"), Is.EqualTo("Teen girl shot in Mosby Court"));
            Assert.That(StoryText.MainTitle("KCTV5 | Two men charged in deadly KC home invasion, robbery"), Is.EqualTo("Two men charged in deadly KC home invasion, robbery"));
            Assert.That(StoryText.MainTitle("Anti-war rally in Niamey"), Is.EqualTo("Anti-war rally in Niamey"));
        });
    }

    [Test]
    public void StoryText_Words_AreFoldedAndStemmedLikeTheirPlainForms()
    {
        static StoryText.Word[] Read(string text)
        {
            var words = new List<StoryText.Word>();
            var reader = new StoryText.WordReader(text);
            while (reader.Next(out var word))
            {
                words.Add(word);
            }

            return [.. words];
        }

        static uint One(string text) => Read(text).Single().Hash;

        var longWord = new string('x', 60);
        Assert.Multiple(() =>
        {
            Assert.That(One("Cities"), Is.EqualTo(StoryText.Hash("city")), "ies → y, folded to lower case");
            Assert.That(One("shootings"), Is.EqualTo(StoryText.Hash("shooting")), "plural s");
            Assert.That(One("Griego's"), Is.EqualTo(StoryText.Hash("griego")), "possessive");
            Assert.That(One("don't"), Is.EqualTo(StoryText.Hash("dont")), "inner apostrophe, at the end of the text");
            Assert.That(Read("don't go")[0].Hash, Is.EqualTo(StoryText.Hash("dont")), "inner apostrophe, inside the text");
            Assert.That(Read("Griego's car")[0].Hash, Is.EqualTo(StoryText.Hash("griego")), "possessive, inside the text");
            Assert.That(One("Café"), Is.EqualTo(StoryText.Hash("cafe")), "accents folded");
            Assert.That(One("ÉLYSÉES"), Is.EqualTo(StoryText.Hash("elysee")), "non-ASCII capitals folded, then the plural");
            Assert.That(One("bus"), Is.EqualTo(StoryText.Hash("bus")), "three letters keep their s");
            Assert.That(One("virus"), Is.EqualTo(StoryText.Hash("virus")), "-us is no plural");
            Assert.That(One("class"), Is.EqualTo(StoryText.Hash("class")), "-ss is no plural");
            Assert.That(One("seven"), Is.EqualTo(StoryText.Hash("7")), "number words become digits");
            Assert.That(One(longWord), Is.EqualTo(StoryText.Hash(longWord.AsSpan(0, 48))), "words are cut at 48 characters");
            Assert.That(Read("a 5 x"), Has.Length.EqualTo(1), "one-letter words are skipped, digits are kept");
        });

        var words = Read("Police said Smith shot. Then Jones ran on Monday");
        Assert.Multiple(() =>
        {
            Assert.That(words.Select(w => w.IsStopWord), Is.EqualTo(new[] { false, true, false, false, true, false, false, true, false }));
            Assert.That(words.Select(w => w.IsCapitalised), Is.EqualTo(new[] { false, false, true, false, false, true, false, false, false }),
                "a capital inside a sentence marks a name; sentence starts and calendar words do not");
            Assert.That(words.Select(w => w.StartsSentence), Is.EqualTo(new[] { true, false, false, false, true, false, false, false, false }));
        });
    }
}
