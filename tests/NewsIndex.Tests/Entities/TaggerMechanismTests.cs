using NewsIndex.Entities;
using NewsIndex.Ingestion;

namespace NewsIndex.Tests.Entities;

public class TaggerMechanismTests
{
    private static readonly EntityTagger Tagger = EntityCatalog.Default.Tagger;

    private static string[] Forces(string text) => Tagger.Tag(text).Where(m => m.Kind == EntityKind.Force).Select(m => $"{m.Id}@{m.Text}").ToArray();

    private static string[] Countries(string text) => Tagger.Tag(text).Where(m => m.Kind == EntityKind.Country).Select(m => m.Id).ToArray();

    [TestCase("Greek and Albanian troops patrolled the border.", new[] { "gr-armed-forces@Greek", "al-armed-forces@Albanian troops" })]
    [TestCase("Dutch, Belgian and Danish soldiers trained together.", new[] { "nl-armed-forces@Dutch", "be-armed-forces@Belgian", "dk-armed-forces@Danish soldiers" })]
    [TestCase("Chilean/Peruvian forces met at the river.", new[] { "cl-armed-forces@Chilean", "pe-armed-forces@Peruvian forces" })]
    [TestCase("Kenyan or Ugandan soldiers will deploy.", new[] { "ke-armed-forces@Kenyan", "ug-armed-forces@Ugandan soldiers" })]
    public void CoordinatedDemonyms_ShareTheNoun(string text, string[] expected) => Assert.That(Forces(text), Is.EqualTo(expected));

    [TestCase("In Ghana, Togolese troops arrived.", new[] { "tg-armed-forces@Togolese troops" })]
    [TestCase("Ghana's and Togolese troops arrived.", new[] { "tg-armed-forces@Togolese troops" })]
    [TestCase("Greek, Albanian troops", new[] { "al-armed-forces@Albanian troops" })]
    public void CommaWithoutConjunction_OrPossessive_IsNotAList(string text, string[] expected) => Assert.That(Forces(text), Is.EqualTo(expected));

    [TestCase("Peruvian security forces raided the camp.", "pe-armed-forces@Peruvian security forces")]
    [TestCase("Two Yemeni security personnel died.", "ye-armed-forces@Yemeni security personnel")]
    [TestCase("A Congolese soldier was hurt.", "cd-armed-forces@Congolese soldier")]
    [TestCase("The Nigerien army withdrew.", "ne-armed-forces@Nigerien army")]
    [TestCase("Peruvian government troops advanced.", "pe-armed-forces@Peruvian government troops")]
    [TestCase("Ethiopian federal forces withdrew.", "et-armed-forces@Ethiopian federal forces")]
    public void QualifiedDemonyms_NameTheNationalForce(string text, string expected) => Assert.That(Forces(text), Is.EqualTo(new[] { expected }));

    [TestCase("Military Forces of Burkina Faso conducted airstrikes.", "bf-armed-forces@Military Forces of Burkina Faso")]
    [TestCase("The armed forces of Mali retook the town.", "ml-armed-forces@armed forces of Mali")]
    [TestCase("Soldiers of the Democratic Republic of the Congo advanced.", "cd-armed-forces@Soldiers of the Democratic Republic of the Congo")]
    [TestCase("Police Forces of Kenya dispersed protesters.", "ke-national-police-service@Police Forces of Kenya")]
    [TestCase("Kenyan riot police clashed with students.", "ke-national-police-service@Kenyan riot police")]
    [TestCase("South African police fired tear gas.", "za-police-service@South African police")]
    public void ForceNounOfACountry_OrItsPolice_NamesTheForce(string text, string expected) => Assert.That(Forces(text), Is.EqualTo(new[] { expected }));

    [TestCase("Nepali police fired tear gas in Kathmandu.", "np-police@Nepali police", "the general police beside the Armed Police Force")]
    [TestCase("Romanian police arrested two men.", "ro-police@Romanian police", "the general police beside the Border Police")]
    [TestCase("Cypriot police detained a suspect.", "cy-police@Cypriot police", "a national police from the curated list")]
    public void APoliceNoun_NamesTheCountrysGeneralPolice(string text, string expected, string why) =>
        Assert.That(Forces(text), Is.EqualTo(new[] { expected }), why);

    [Test]
    public void APoliceNoun_WhereNoPoliceIsGeneral_IsNobodys() => Assert.That(Forces("Indian police said."), Is.Empty);

    [TestCase("Russian missiles struck an apartment block.", "ru-armed-forces@Russian missiles")]
    [TestCase("U.S. air strikes, the Pentagon said, were over.", "us-armed-forces@U.S. air strikes")]
    [TestCase("Israeli strikes on Gaza continued.", "il-armed-forces@Israeli strikes")]
    [TestCase("A US strike in Idlib killed a commander.", "us-armed-forces@US strike")]
    [TestCase("Kharkiv came under a Russian glide-bomb attack.", "ru-armed-forces@Russian glide-bomb")]
    [TestCase("A Zambian peacekeeper was killed.", "zm-armed-forces@Zambian peacekeeper")]
    [TestCase("Indian strikes later hit an air base near Rawalpindi.", "in-armed-forces@Indian strikes")]
    public void AWeaponOrStrike_ThatAttacks_NamesTheNationalForce(string text, string expected) =>
        Assert.That(Forces(text), Is.EqualTo(new[] { expected }));

    [TestCase("India bought Russian missiles last year.")]
    [TestCase("French strikes on Tuesday halted trains.")]
    [TestCase("Kyiv wants more Turkish drones. On Monday, talks resumed.")]
    [TestCase("The FMLN candidate won the vote in San Salvador.")]
    [TestCase("French strikes in March disrupted trains.")]
    [TestCase("British strikes over pay closed schools.")]
    [TestCase("Ukraine's military intelligence agency claimed the blast.")]
    [TestCase("Soviet military spending rose.")]
    [TestCase("U.S. military aid to Kyiv slowed.")]
    public void AWeaponWithoutAnAttack_OrAMilitaryAgencyOrBudget_NamesNoForce(string text) =>
        Assert.That(Forces(text), Is.Empty);

    [TestCase("WASHINGTON - The National Guard was deployed.", "us-national-guard@National Guard")]
    [TestCase("Mexico agreed to deploy 10,000 National Guard troops.", "mx-national-guard@National Guard")]
    [TestCase("Kyiv said the National Guard repelled assaults near Pokrovsk.", "ua-national-guard@National Guard")]
    [TestCase("NICOSIA - The National Guard held exercises.", "cy-armed-forces@National Guard")]
    [TestCase("Ukraine's 300 border guards were deployed.", "ua-border-guard-service@Ukraine's 300 border guards")]
    public void ABareNationalGuard_IsTheGuardOfTheCountryInContext(string text, string expected) =>
        Assert.That(Forces(text), Is.EqualTo(new[] { expected }));

    [Test]
    public void ABareNationalGuard_OfACountryWithoutOne_IsNobodys() =>
        Assert.That(Forces("TUNIS - The National Guard arrested two men."), Is.Empty);

    [TestCase("Drones hit the Engels, Olenya and Belaya air bases overnight.", new[] { "ru-belaya", "ru-engels-air-base", "ru-olenya-air-base" })]
    [TestCase("Israeli jets took off from Nevatim and Ramon air bases.", new[] { "il-nevatim-air-base", "il-ramon-air-base" })]
    [TestCase("Indian missiles hit Sargodha's Mushaf base.", new[] { "pk-mushaf-air-base" })]
    public void ListedAndShortBaseNames_NameEachBase(string text, string[] expected) =>
        Assert.That(Tagger.Tag(text).Where(m => m.Kind == EntityKind.Base).Select(m => m.Id).Distinct().Order(), Is.EqualTo(expected));

    [Test]
    public void AFirmsCityBase_IsNoMilitaryBase() =>
        Assert.That(Tagger.Tag("The bank moved staff to its Riyadh base.").Where(m => m.Kind == EntityKind.Base), Is.Empty);

    [TestCase("The Bayreuth Festival opened with Wagner's Parsifal.", "the composer: no Russia, no country Wagner fought in")]
    [TestCase("Ionis, formerly Isis Pharmaceuticals, won approval for a drug.", "a company named like a group")]
    [TestCase("The Army Black Knights beat the Navy Midshipmen 31-13.", "college teams, not services")]
    [TestCase("BTS fans, known as ARMY, gathered in Seoul.", "a bare service in capitals in running text")]
    public void NamesThatAreNoForce_TagNoForce(string text, string why) =>
        Assert.That(Forces(text), Is.Empty, why);

    [TestCase("Wagner fighters were seen in Timbuktu, Mali.", "wagner-group")]
    [TestCase("Fulani militiamen attacked villages in Plateau State, Nigeria.", "fulani-militia")]
    [TestCase("Syrian troops withdrew from Aleppo.", "sy-armed-forces")]
    [TestCase("Russian Aerospace Forces struck Idlib.", "ru-aerospace-forces")]
    [TestCase("The Moskva, flagship of the Russian Black Sea Fleet, sank in April 2022.", "ru-black-sea-fleet")]
    public void ModernActors_AreTagged(string text, string id) =>
        Assert.That(Forces(text).Select(f => f[..f.IndexOf('@', StringComparison.Ordinal)]), Does.Contain(id));

    [TestCase("Police fired tear gas at protesters disputing the election victory of Frelimo's Daniel Chapo.")]
    [TestCase("Rwanda's ruling party, the Rwandan Patriotic Front, nominated Paul Kagame.")]
    [TestCase("The ANC won the election in South Africa.")]
    public void AMovementNowAParty_InPolitics_IsNoForce(string text) => Assert.That(Forces(text), Is.Empty);

    [TestCase("SWAPO guerrillas attacked a South African base in Namibia.", "swapo-plan")]
    [TestCase("Frelimo troops attacked Renamo positions.", "frelimo")]
    [TestCase("TPLF forces entered Mekelle.", "tplf")]
    public void AMovementNowAParty_InArms_IsAForce(string text, string id) =>
        Assert.That(Forces(text).Select(f => f[..f.IndexOf('@', StringComparison.Ordinal)]), Does.Contain(id));

    [TestCase("Colombia and Ecuador pledged to meet their Paris Agreement targets.", new[] { "CO", "EC" })]
    [TestCase("Brussels warned Rome that its draft budget risked breaching EU rules.", new[] { "IT" })]
    [TestCase("Talks in Brussels ended without a deal.", new[] { "BE" })]
    public void TreatiesAndTheEusSeat_NameNoCountryOfTheirCity(string text, string[] expected) =>
        Assert.That(Countries(text).Distinct().Order(), Is.EqualTo(expected));

    [TestCase("Landslides triggered by torrential rain in Wayanad, Kerala, killed more than 200 people.", "IN")]
    [TestCase("Flash floods in Kohistan district, Khyber Pakhtunkhwa, washed away a bridge.", "PK")]
    [TestCase("Guided bombs struck apartment blocks in Kostiantynivka overnight.", "UA")]
    [TestCase("In Wayanad, Kerala, landslides killed 200 people.", "IN")]
    public void APlaceAfterALocatedName_OrInUkrainesSpelling_IsLocated(string text, string country) =>
        Assert.That(Countries(text), Does.Contain(country));

    [TestCase("Kharkov came under a Russian glide-bomb attack on Sunday.", "UA")]
    [TestCase("Odesa was hit by Russian drones overnight.", "UA")]
    [TestCase("A prolonged drought lowered water levels in the Panama Canal.", "PA")]
    public void APlaceUnderAttack_OrACanalOfOneCountry_NamesIt(string text, string country) =>
        Assert.That(Countries(text), Does.Contain(country));

    [Test]
    public void ABaseNounAfterABasesName_IsThatBase() =>
        Assert.That(Tagger.Tag("Turkey's TURKSOM base in Mogadishu trained Somali soldiers.").Where(m => m.Kind == EntityKind.Base).Select(m => m.Id).Distinct(),
            Is.EqualTo(new[] { "so-camp-turksom" }), "not also Halane, another base of the city");

    [Test]
    public void PoliceWithoutACountry_AreNobodys() => Assert.That(Forces("The police said two people died."), Is.Empty);

    [Test]
    public void ForceNounOfACountry_AlsoNamesTheCountry_OnItsName()
    {
        var country = Tagger.Tag("The army of Niger repelled the attack.").Single(m => m.Kind == EntityKind.Country);
        Assert.That((country.Id, country.Text, country.Implied), Is.EqualTo(("NE", "Niger", false)));
    }

    [TestCase("The U.S. Navy escorted the tankers. The Navy said Iran fired on them.", "us-armed-forces@Navy", "the last national force named with the same word")]
    [TestCase("The British Army withdrew. The Army said the move was planned.", "gb-armed-forces@Army", "the last national force named with the same word")]
    [TestCase("Nigerian troops fought ISWAP. The Army said 20 militants died.", "ng-army@Army", "the only country of the text: its army branch")]
    public void ABareService_IsTheServiceOfTheCountryInContext(string text, string expected, string why) =>
        Assert.That(Forces(text), Does.Contain(expected), why);

    [TestCase("Iran and Iraq traded fire. The Army said nothing.", "two countries and no antecedent: a guess")]
    [TestCase("The Salvation Army opened a shelter.", "no country at all")]
    public void ABareService_WithoutAClearCountry_IsNobodys(string text, string why) =>
        Assert.That(Forces(text), Is.Empty, why);

    [Test]
    public void ABareService_InAnArticle_TakesTheDatelinesCountry()
    {
        var article = new Article("n", "NAVY TO ESCORT TANKERS", "The Navy said it would send two more ships to Kuwait.") { Dateline = "WASHINGTON, March 3" };
        Assert.That(Tagger.Tag(article).Mentions.Where(m => m.Kind == EntityKind.Force).Select(m => $"{m.Id}@{m.Text}"),
            Is.EqualTo(new[] { "us-armed-forces@NAVY", "us-armed-forces@Navy" }), "the headline's and the body's Navy are the dateline country's");
    }

    [TestCase("Thousands of Pakistanis marched.", "PK")]
    [TestCase("Two Iraqis were detained.", "IQ")]
    [TestCase("A Spaniard won the race.", "ES")]
    [TestCase("Three Swedes and a Dane.", "SE")]
    public void PluralAndAgentDemonyms_NameTheCountry(string text, string first) => Assert.That(Countries(text).First(), Is.EqualTo(first));

    [TestCase("Nato ministers met.", "nato")]
    [TestCase("NATO ministers met.", "nato")]
    [TestCase("Unita guerrillas shelled the town.", "unita")]
    [TestCase("a statement by al-Qa'ida", "al-qaeda")]
    [TestCase("a statement by al Qaida", "al-qaeda")]
    [TestCase("a statement by al-Qaeda", "al-qaeda")]
    [TestCase("fighters of Jamaat Nusrat al-Islam wal-Muslimin", "jnim")]
    [TestCase("Kataib Hezbollah and Kata'ib Hezbollah", "kataib-hezbollah")]
    public void CaseApostropheAndHyphenVariants_Match(string text, string id) => Assert.That(Forces(text).First(), Does.StartWith(id + "@"));

    [Test]
    public void ShortAcronyms_AreCaseSensitive() =>
        Assert.That(Forces("The saf and the Rsf and the idf were words here."), Is.Empty);

    [Test]
    public void AliasWithLeadingThe_MatchesWithoutIt()
    {
        var catalog = EntityCatalog.Default.With([new Entity(EntityKind.Force, "nfl-test", "the National Front for Liberty of Zembla") { Aliases = ["the National Front for Liberty of Zembla"], Category = "rebel" }]);
        Assert.That(catalog.Tagger.Tag("National Front for Liberty of Zembla fighters").Select(m => m.Id), Is.EqualTo(new[] { "nfl-test" }));
    }

    [TestCase("Fighting between the SAF and the RSF spread across Sudan.", "sd-armed-forces")]
    [TestCase("In Mogadishu the SAF took the town; Somalia's government welcomed it.", "so-armed-forces")]
    [TestCase("The SDF held Raqqa, a Syrian town.", "sdf")]
    [TestCase("The SDF coast guard patrolled near Seychelles.", "sc-armed-forces")]
    [TestCase("Soldiers of the FAN patrolled near Niamey, Niger.", "ne-armed-forces")]
    [TestCase("The FAN of Burkina Faso deployed.", "bf-armed-forces")]
    public void SharedAbbreviations_ResolveByTheArticlesCountry(string text, string id) =>
        Assert.That(Forces(text).Select(f => f.Split('@')[0]), Does.Contain(id));

    [TestCase("The SAF issued a statement.")]
    [TestCase("The FAN issued a statement.")]
    public void SharedAbbreviations_WithoutContext_AreNotTagged(string text) => Assert.That(Forces(text), Is.Empty);

    [Test]
    public void Shadows_TheLongerNameWins_AndOnlyARegionImpliesItsCountry()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "shadows.json");
        File.WriteAllText(path, """
            { "source": "test",
              "regions": [ { "name": "Lower Zambezi Valley", "country": "MZ", "aliases": ["Baixo Zambeze", "Zambezi Valley Province"] } ],
              "features": [ { "name": "Lake Malawi", "kind": "lake", "countries": ["MW", "MZ", "TZ"] } ],
              "worldRegions": [ { "name": "Southern Africa", "aliases": ["Central America"] } ],
              "organisations": [ { "name": "Bank of Kenya Holdings", "kind": "bank", "country": "KE", "aliases": [] } ] }
            """);
        var tagger = EntityCatalog.Default.WithFile(path).Tagger;
        Assert.That(tagger.Tag("Boats crossed Lake Malawi.").Select(m => m.Id), Is.Empty, "a lake implies no country");
        Assert.That(tagger.Tag("Shares of Bank of Kenya Holdings rose.").Select(m => m.Id), Is.Empty, "an organisation implies no country");
        Assert.That(tagger.Tag("Trade with Central America grew.").Select(m => m.Id), Is.Empty, "a world region is no country");
        Assert.That(tagger.Tag("The Lower Zambezi Valley flooded.").Select(m => m.Id), Is.Empty,
            "a bare region name implies its country only with support (it is too often something else)");
        var supported = tagger.Tag("The Lower Zambezi Valley flooded, Mozambique said.");
        Assert.That(supported.Select(m => (m.Id, m.Text, m.Implied)), Is.EqualTo(new[] { ("MZ", "Lower Zambezi Valley", true), ("MZ", "Mozambique", false) }));
        var named = tagger.Tag("Floods hit Zambezi Valley Province.").Single();
        Assert.That((named.Id, named.Text, named.Implied), Is.EqualTo(("MZ", "Zambezi Valley Province", true)), "a name that says it is a region needs no support");
        Assert.That(tagger.Tag("Malawi and Kenya signed.").Select(m => m.Id), Is.EqualTo(new[] { "MW", "KE" }), "the names alone still tag");
        Directory.Delete(dir, true);
    }

    [TestCase("Fighting was reported in Panjshir province.", "AF", "Panjshir province")]
    [TestCase("Gunmen attacked a village in the Borno state capital.", "NG", "Borno state")]
    [TestCase("Fighting was reported in the Mopti region.", "ML", "Mopti region")]
    public void RegionWordAfterAPlace_InAnyCase_MakesItARegionOfItsCountry(string text, string country, string mention)
    {
        var tagged = Tagger.Tag(text).Single(m => m.Kind == EntityKind.Country);
        Assert.That((tagged.Id, tagged.Text, tagged.Implied), Is.EqualTo((country, mention, true)));
    }

    [TestCase("JNIM militants attacked a FAMa position near Mopti.", "ML", "a force of the country (FAMa)")]
    [TestCase("M23 rebels clashed with the FARDC in North Kivu.", "CD", "a force of the country (FARDC), and the English name of Nord-Kivu")]
    [TestCase("Shelling was reported near Goma, North Kivu.", "CD", "two different places of one country: a city and a region")]
    [TestCase("Protesters gathered in Houston and Dallas on Monday.", "US", "two different cities of one country")]
    public void PlacesOutsideTheDateline_NameTheirCountry_WithSupport(string text, string country, string why) =>
        Assert.That(Countries(text), Does.Contain(country), why);

    [TestCase("Fresno officials approved the plan on Monday.")]
    [TestCase("Kano Pillars won the match.")]
    [TestCase("North Kivu's governor resigned.")]
    [TestCase("Kaduna Electric raised its tariffs.")]
    public void APlaceAlone_WithoutALocativeWord_NamesNoCountry(string text) =>
        Assert.That(Countries(text), Is.Empty, "a bare place name is too often something else (a team, a firm, a person)");

    [TestCase("Crowds packed Sydney's Chinatown for Lunar New Year.", "AU")]
    [TestCase("Perth recorded its hottest February day on record.", "AU")]
    [TestCase("Houston officials approved the plan on Monday.", "US")]
    public void ACityOfAMillion_Alone_NamesItsCountry(string text, string country) =>
        Assert.That(Countries(text), Is.EqualTo(new[] { country }), "a city of a million people or more is rarely something else when nothing else names a country");

    [TestCase("SYDNEY - Sean Strickland stunned Israel Adesanya to take the title.", new[] { "AU" })]
    [TestCase("DORTMUND - Turkiye beat Georgia 3-1 in their Euro 2024 opener.", new[] { "DE", "TR", "GE" })]
    [TestCase("VALENCIA, Spain - Floods killed more than 200 people in the Valencia region.", new[] { "ES" })]
    [TestCase("SAINT-DENIS, France - Kenya's Faith Kipyegon won a third title.", new[] { "FR", "KE" })]
    [TestCase("ATHENS, Georgia - A judge sentenced him to life.", new[] { "US" })]
    public void ADatelineOpeningTheBody_IsReadAsTheDateline(string body, string[] countries)
    {
        var tagged = Tagger.Tag(new Article("d", "", body));
        Assert.That(tagged.Mentioned.Countries, Is.EquivalentTo(countries));
        Assert.That(tagged.Mentions.Where(m => m.Field != ArticleField.Body), Is.Empty, "the article has no dateline field: its mentions stand in the body");
        Assert.That(tagged.Mentions.All(m => body[m.Start..m.End] == m.Text), "every mention's offsets point at its text in the body");
    }

    [Test]
    public void ADashAfterAForceAtTheBodysStart_KeepsTheForce()
    {
        var tagged = Tagger.Tag(new Article("d", "", "NATO - Russia talks resumed in Brussels on Monday."));
        Assert.That(tagged.Mentions.Any(m => m.Kind == EntityKind.Force && m.Id == "nato"), Is.True);
    }

    [TestCase("Ukraine's 3rd Separate Assault Brigade held the line.", "ua-armed-forces@3rd Separate Assault Brigade")]
    [TestCase("The RSF shelled the 6th Infantry Division in El Fasher, Sudan.", "sd-ground-force@6th Infantry Division")]
    [TestCase("BIFF gunmen clashed with troops of the 6th Infantry Division in Maguindanao del Sur.", "ph-army@6th Infantry Division")]
    [TestCase("The Royal Thai Army's Fourth Army Region blamed separatists.", "th-royal-army@Royal Thai Army")]
    [TestCase("The Border Guard Police's 5th Battalion in Maungdaw, Myanmar, fell.", "mm-border-guard-police@Border Guard Police")]
    [TestCase("Rebels captured Infantry Battalion 275's base outside Myawaddy, Myanmar.", "mm-army@Infantry Battalion 275")]
    [TestCase("Hundreds of Myanmar junta soldiers surrendered.", "mm-armed-forces@Myanmar junta soldiers")]
    public void NumberedUnits_NameTheirOwnersService(string text, string expected) =>
        Assert.That(Forces(text), Does.Contain(expected));

    [TestCase("Leeds were promoted from the 2nd Division last season.")]
    [TestCase("Traffic was heavy on 4th Brigade Street in Nairobi, Kenya.")]
    [TestCase("Iranian troops and Iraqi troops clashed near Basra, and the 21st Brigade was destroyed.")]
    public void NumberedWords_ThatAreNoUnitOfAKnownOwner_NameNoForce(string text) =>
        Assert.That(Forces(text).Where(f => f.Contains("Division", StringComparison.Ordinal) || f.Contains("Brigade", StringComparison.Ordinal)), Is.Empty);

    [TestCase("British Typhoon jets struck Houthi targets.", "gb-armed-forces@British Typhoon jets")]
    [TestCase("Israeli F-35 jets hit targets in Yemen.", "il-armed-forces@Israeli F-35 jets")]
    [TestCase("Russian missiles and drones struck energy facilities.", "ru-armed-forces@Russian missiles")]
    [TestCase("Russian drones have also repeatedly targeted bases in Khmelnytskyi region.", "ru-armed-forces@Russian drones")]
    [TestCase("Two Ukrainian drones were shot down on approach to the base.", "ua-armed-forces@Ukrainian drones")]
    public void WeaponsByModelOrWithAuxiliaries_NameTheForce_WhenAnAttackFollows(string text, string expected) =>
        Assert.That(Forces(text), Does.Contain(expected));

    [TestCase("India bought French Rafale jets in 2016.")]
    [TestCase("Poland ordered South Korean K2 tanks last year.")]
    public void WeaponsByModel_BoughtOrSold_NameNoForce(string text) => Assert.That(Forces(text), Is.Empty);

    [TestCase("Separatists killed four Cameroonian gendarmes at a checkpoint.", "cm-national-gendarmerie@Cameroonian gendarmes")]
    [TestCase("JNIM attacked a school of the National Gendarmerie in Bamako, Mali.", "ml-national-gendarmerie@National Gendarmerie")]
    public void Gendarmes_NameTheirCountrysGendarmerie(string text, string expected) =>
        Assert.That(Forces(text), Does.Contain(expected));

    private static string[] Bases(string text) => Tagger.Tag(text).Where(m => m.Kind == EntityKind.Base).Select(m => m.Id).Distinct().ToArray();

    [TestCase("Drones hit bombers at air bases including Belaya in Irkutsk region and Olenya in Murmansk.", new[] { "ru-belaya", "ru-olenya-air-base" })]
    [TestCase("Russian cargo planes flew to al-Khadim and al-Jufra air bases in Libya.", new[] { "ly-al-khadim", "ly-al-jufra" })]
    [TestCase("Guardsmen trained at Fort Indiantown Gap in Pennsylvania.", new[] { "us-fort-indiantown-gap" })]
    public void ListedAndCoordinatedBases_AreEachNamed(string text, string[] expected) =>
        Assert.That(Bases(text), Is.EquivalentTo(expected));

    [TestCase("Iranian missiles hit Nevatim airbase in the Negev.", new[] { "IR", "IL" })]
    [TestCase("The U.S. Air Force moved six B-2 bombers to Diego Garcia as Washington warned Tehran.", new[] { "US", "IR", "IO" })]
    public void ANamedBase_NamesItsHost_BesideOtherCountries(string text, string[] countries) =>
        Assert.That(Countries(text).Distinct(), Is.EquivalentTo(countries));

    [Test]
    public void APlaceThatLocatesANamedBase_OffersNoOtherBase()
    {
        const string text = "New hangars opened at RAF Marham in Norfolk, the ministry said, as the base prepares to host a second squadron.";
        Assert.That(Bases(text), Does.Not.Contain("us-norfolk"));
    }

    [Test]
    public void OneNameIsOnePlace_InAText()
    {
        const string text = "Residents of Moscow, Idaho, packed a city council meeting. The Moscow Police Department said it would keep extra patrols.";
        Assert.That(Countries(text).Distinct(), Is.EqualTo(new[] { "US" }));
    }

    [TestCase("Power is supplied to Hong Kong Island and Lamma Island.", "HK")]
    [TestCase("Thomas Mann's novels were reissued in Germany.", "DE")]
    public void NativeCountryNamesThatAreEnglishWords_AreNoAliases(string text, string country) =>
        Assert.That(Countries(text).Distinct(), Is.EqualTo(new[] { country }));

    [TestCase("Chinese smartphone makers dominated the Mobile World Congress.", new[] { "CN" })]
    [TestCase("The Peruvian Congress voted to remove the president.", new[] { "PE" })]
    [TestCase("The U.S. Congress passed the bill.", new[] { "US" })]
    [TestCase("But Congress passed the bill anyway.", new[] { "US" })]
    [TestCase("Crowds in Lebanon, Tennessee, watched as Israel struck Lebanon again.", new[] { "US", "IL", "LB" })]
    [TestCase("Chad le Clos said he would not swim at the Olympics in Tokyo.", new[] { "JP" })]
    [TestCase("Truckers blocked highways in Santa Catarina and Mato Grosso, Brazil's police said.", new[] { "BR" })]
    [TestCase("Victoria Police in Melbourne worked with the Australian Federal Police.", new[] { "AU" })]
    public void NamesInsideOtherNames_AndRegionsAbroad_ReadByTheText(string text, string[] countries) =>
        Assert.That(Countries(text).Distinct(), Is.EquivalentTo(countries));

    [TestCase("Two years after the Pretoria agreement, a million people from Tigray remain displaced in Ethiopia.", new[] { "ET" })]
    [TestCase("Kyiv said the Minsk accords were dead, Ukraine's foreign minister told reporters.", new[] { "UA" })]
    [TestCase("An airstrike hit a school in Let Yet Kone village, Sagaing Region, Myanmar.", new[] { "MM" })]
    [TestCase("GENEVA - Talks between Washington and Beijing began.", new[] { "CH", "US", "CN" })]
    [TestCase("Protesters marched in Wroclaw and Lodz on Sunday.", new[] { "PL" })]
    [TestCase("Flooding closed roads in Cologne and Nuremberg.", new[] { "DE" })]
    [TestCase("A French court convicted Dominique Pelicot.", new[] { "FR" })]
    public void AccordsLongerNamesExonymsAndStrokedLetters_ReadAsAReaderWould(string text, string[] countries) =>
        Assert.That(Countries(text).Distinct(), Is.EquivalentTo(countries));

    [TestCase("Sydney Sweeney starred in the film.")]
    [TestCase("The Houston Rockets signed a new coach.")]
    [TestCase("Fans of Bayern Munich celebrated the title.")]
    [TestCase("Barcelona beat Napoli in the first leg.")]
    [TestCase("HOUSTON OFFICIALS APPROVE PLAN")]
    public void ACityOfAMillion_InsideAnotherNameOrAsAClub_NamesNoCountry(string text) =>
        Assert.That(Countries(text), Is.Empty);

    [TestCase("Fighting was reported in North Kivu.", "CD")]
    [TestCase("Officials met in Kano.", "NG")]
    [TestCase("Unidentified gunmen killed a village chief in Kidal.", "ML")]
    [TestCase("Gunmen killed two civilians in Menaka town.", "ML")]
    [TestCase("Clashes were reported north of Goma.", "CD")]
    [TestCase("Militants attacked a checkpoint in the town of Djibo.", "BF")]
    [TestCase("Armed men abducted 15 farmers in Kajuru LGA (Kaduna).", "NG")]
    public void ALocatedPlace_NamesItsCountry_WhenNothingElseNamesOne(string text, string country) =>
        Assert.That(Countries(text), Is.EqualTo(new[] { country }), "a conflict report often names only the town where it happened");

    [TestCase("Gunmen killed a man in Anbar.", "IQ")]
    [TestCase("An IED exploded in Salah al-Din.", "IQ")]
    [TestCase("Clashes were reported in Deir el-Zor.", "SY")]
    [TestCase("Shelling hit positions in Al-Dali.", "YE")]
    public void ArabicRegionNames_MatchInTheirArticleSpellings(string text, string country) =>
        Assert.That(Countries(text), Is.EqualTo(new[] { country }), "\"Salah ad Din\" is written \"Salah al-Din\"; \"Al-Anbar\" often \"Anbar\"");

    [TestCase("Clashes in Ta‘izz left three dead.", "YE")]
    [TestCase("Gunmen attacked a checkpoint in Fallujah.", "IQ")]
    [TestCase("Airstrikes were reported in Raqqa overnight.", "SY")]
    [TestCase("Shelling was reported in Hudaydah.", "YE")]
    public void ArabicCityNames_MatchWithoutTheirArticle_AndWithATurnedComma(string text, string country) =>
        Assert.That(Countries(text).Distinct(), Is.EqualTo(new[] { country }), "\"Al Fallūjah\" is written \"Fallujah\", \"Ar Raqqah\" \"Raqqa\"; ‘ inside a word is an apostrophe");

    [TestCase("Russian airstrikes struck Idlib city, killing four.", new[] { "RU", "SY" }, "a place word after a city says it is the place")]
    [TestCase("A landmine killed three civilians near Hmeimim.", new[] { "SY" }, "a base implies its host when nothing else names a country")]
    public void PlaceWords_AndBases_NameTheirCountry(string text, string[] countries, string why) =>
        Assert.That(Countries(text).Distinct(), Is.EqualTo(countries), why);

    [TestCase("Houthi forces shelled the port of Hodeidah; two ships burned near Hodeidah.", "YE")]
    [TestCase("Clan militias clashed in Galkayo.", "SO")]
    [TestCase("Airstrikes were reported in Khan Younis.", "PS")]
    public void CitiesMatchInTheEnglishSpellingNewsUses(string text, string country) =>
        Assert.That(Countries(text).Distinct(), Is.EqualTo(new[] { country }), "GeoNames writes Al Ḩudaydah, Gaalkacyo, Khān Yūnis");

    [TestCase("Russian officials met in Kano.", new[] { "RU", "NG" })]
    [TestCase("Kenya's president spoke in Houston.", new[] { "KE", "US" })]
    [TestCase("Israeli strikes in Khan Younis killed 20 people.", new[] { "IL", "PS" })]
    [TestCase("Ukrainian drones hit an oil depot in Bryansk.", new[] { "UA", "RU" })]
    [TestCase("Wagner fighters were seen in Timbuktu.", new[] { "ML" })]
    public void ACityWhereSomethingHappens_NamesItsCountry_BesideTheActorsCountries(string text, string[] countries) =>
        Assert.That(Countries(text).Distinct(), Is.EquivalentTo(countries), "the actors' countries do not make the place's country doubtful");

    [TestCase("Italian investors opened an office in Naples.", "IT", "a name a place abroad shares (Naples, Florida) needs its country named")]
    [TestCase("French Minister Philippe Seguin spoke. Officials at Seguin said the plan was ready.", "FR", "a name the text gives someone")]
    [TestCase("The Chinese firm shipped cargoes from Constanza to Japan.", "CN,JP", "a town only after \"in\", \"near\" and the like")]
    [TestCase("Japanese firms drilled wells in the Pearl River estuary.", "JP", "a feature's name (a US town is called Pearl River)")]
    [TestCase("JAPANESE TRADERS SAW GAINS IN KANO.", "JP", "a headline's capitals")]
    [TestCase("Japanese investors bought the Zama field in Alberta.", "JP,CA", "another country's place right after it says where it is")]
    public void ALocatedPlace_ThatMayBeSomethingElse_GivesWayToTheCountriesTheTextNames(string text, string countries, string why) =>
        Assert.That(Countries(text).Distinct().Order(), Is.EqualTo(countries.Split(',').Order()), why);

    [TestCase("Gunmen attacked Kaduna.", "NG")]
    [TestCase("Russian missiles struck Kharkiv overnight.", "UA")]
    [TestCase("A drone attack on Port Sudan airport damaged two planes.", "SD")]
    [TestCase("Heavy rain flooded Karachi, killing 20 people.", "PK")]
    public void TheObjectOfAnAttackOrAVisit_IsWhereItHappens(string text, string country) =>
        Assert.That(Countries(text), Does.Contain(country));

    [TestCase("Flooding hit Valencia after torrential rain.", "a name two big cities share (Spain, Venezuela), no country named")]
    [TestCase("A quake struck the Noto peninsula.", "a feature's name (an Italian town is called Noto)")]
    public void TheObjectOfAVerb_ThatNamesNoCertainCity_NamesNoCountry(string text, string why) =>
        Assert.That(Countries(text), Is.Empty, why);

    [TestCase("A tornado damaged homes in Paris, Texas, late Tuesday.", "US")]
    [TestCase("The trial in Moscow, Idaho, was moved.", "US")]
    [TestCase("A tornado touched down near Lebanon, Tennessee.", "US")]
    [TestCase("A student was killed in Athens, Georgia.", "US")]
    [TestCase("The company moved to London, Ontario.", "CA")]
    [TestCase("Protesters in Tbilisi, Georgia, rallied.", "GE")]
    [TestCase("In Tbilisi, Georgia's troops were put on alert.", "GE")]
    public void APlaceBeforeAnotherCountrysState_IsThatStatesTown(string text, string country) =>
        Assert.That(Countries(text).Distinct(), Is.EqualTo(new[] { country }), "the place's own country is not meant");

    [TestCase("A Russian missile strike on central Sumy killed 35 people.", "UA")]
    [TestCase("Israeli strikes in northern Gaza killed 12.", "PS")]
    [TestCase("DeepSeek, a Hangzhou-based start-up, released a model that rivals US systems.", "CN")]
    [TestCase("The Thames burst its banks in parts of Oxfordshire.", "GB")]
    [TestCase("Storm Darragh brought gusts to Cornwall and Pembrokeshire.", "GB")]
    [TestCase("A plan to resettle Gazans in Jordan was rejected.", "PS")]
    public void AdjectivesOfPlace_BasedIn_PartsOf_Counties_AndGazans_NameTheirCountry(string text, string country) =>
        Assert.That(Countries(text), Does.Contain(country));

    [TestCase("The Massachusetts State Court for Suffolk County lifted the order.", "US", "a US county named like an English one")]
    [TestCase("Warren Buffett raised his stake in Berkshire Hathaway.", "", "a firm named after a county")]
    public void EnglishCountiesThatUsCountiesOrFirmsShare_AreLeftOut(string text, string countries, string why) =>
        Assert.That(string.Join(",", Countries(text).Distinct()), Is.EqualTo(countries), why);

    [TestCase("The Socceroos held Saudi Arabia to a draw in Jeddah.", "AU")]
    [TestCase("Bafana Bafana coach Hugo Broos named his squad.", "ZA")]
    [TestCase("Storm Eowyn left homes in Donegal without power.", "IE")]
    [TestCase("Galway County Council granted permission for a wind farm.", "IE")]
    [TestCase("The governor of Nuevo Leon clashed with the state congress.", "MX")]
    [TestCase("A quake shook Tuban regency, East Java.", "ID")]
    [TestCase("The Kerala High Court ordered the state government to pay.", "IN")]
    [TestCase("Cornwall Council voted to charge a premium on second homes.", "GB")]
    [TestCase("The Sindh Assembly passed a resolution.", "PK")]
    [TestCase("Cyclone Freddy brought floods to Blantyre.", "MW")]
    public void TeamNicknames_IrishCounties_GovernorsOf_AndRegencies_NameTheirCountry(string text, string country) =>
        Assert.That(Countries(text), Does.Contain(country));

    [TestCase("A chain added a Turkish delight milkshake to its menu.")]
    [TestCase("A German shepherd named Rex found the hiker.")]
    [TestCase("Analysts said the Mexican standoff would end in a buyout.")]
    [TestCase("Removing Japanese knotweed costs homeowners thousands.")]
    public void DemonymIdioms_NameNoCountry(string text) => Assert.That(Countries(text), Is.Empty);

    [TestCase("Jets bombed a monastery in Kani township, Sagaing region.", "MM", "Kani is also a Japanese city; the region after it says where it is")]
    public void APlaceThatAnotherCountrysRegionQualifies_IsThatCountrys(string text, string country, string why) =>
        Assert.That(Countries(text).Distinct(), Is.EqualTo(new[] { country }), why);

    [TestCase("Russia, Georgia and Ukraine signed the deal.", new[] { "GE", "RU", "UA" }, "a list, not a town and its state")]
    [TestCase("Banks in London, New York and Tokyo rallied.", new[] { "GB", "JP", "US" }, "a list of cities")]
    [TestCase("In Rome, Mass was celebrated.", new[] { "IT" }, "a dateline abbreviation (Mass.) counts only with its point")]
    [TestCase("Japanese rescuers searched in the Noto peninsula.", new[] { "JP" }, "a feature's name is not its town")]
    [TestCase("Ukrainian drones hit Belgorod, Ukraine said.", new[] { "RU", "UA" }, "a country after a comma that starts a clause does not qualify the place")]
    [TestCase("Wagner fighters were seen in Timbuktu, Gao and Kidal.", new[] { "ML" }, "a list of towns after \"in\"")]
    public void ListsClausesAndFeatures_AreNoQualifiers(string text, string[] countries, string why) =>
        Assert.That(Countries(text).Distinct().Order(), Is.EqualTo(countries.Order()), why);

    [TestCase("Israeli forces raided a house in Tulkarm.", "PS")]
    [TestCase("Typhoon Yagi made landfall in Hai Phong.", "VN")]
    [TestCase("Airstrikes were reported in Saada.", "YE")]
    [TestCase("Officials in Tartus said the port was hit.", "SY")]
    [TestCase("The opposition rallied in Bhubaneswar.", "IN")]
    public void CitiesMatch_InOtherTransliterations_FromGeoNamesAlternateNames(string text, string country) =>
        Assert.That(Countries(text), Does.Contain(country), "GeoNames writes Ţūlkarm, Haiphong, Sa'dah, Tartouss, Bhubaneshwar");

    [TestCase("Clashes were reported in Mount Lebanon.", new[] { "LB" }, "a town abroad (Mount Lebanon, Pennsylvania) does not hide a region")]
    [TestCase("Forest fires burned in New Brunswick.", new[] { "CA" }, "a curated Canadian province (countries.json) is not the New Jersey town of the same name")]
    [TestCase("Lufkin and Americus reported higher sales.", new string[0], "two towns alone: too often two surnames or firms")]
    [TestCase("Attacks hit Monguno and Maiduguri.", new[] { "NG" }, "a town and a city of one country support each other")]
    [TestCase("JNIM fighters attacked a VDP position in Djibo (Soum, Sahel).", new[] { "BF" }, "a town supported by a force of its country")]
    public void Towns_AreWeakerEvidenceThanCities(string text, string[] countries, string why) =>
        Assert.That(Countries(text).Distinct(), Is.EqualTo(countries), why);

    [TestCase("A MONUSCO convoy was attacked near Beni.", "CD", "monusco")]
    [TestCase("A MINUSCA patrol came under fire near Bouar.", "CF", "minusca")]
    [TestCase("ADF militants killed 11 civilians near Beni, North Kivu.", "CD", "iscap")]
    [TestCase("IS-K militants attacked a mosque in Herat.", "AF", "iskp")]
    public void Missions_AndGroups_SupportThePlacesWhereTheyOperate(string text, string country, string force)
    {
        Assert.That(Countries(text), Does.Contain(country));
        Assert.That(Forces(text).Select(f => f.Split('@')[0]), Does.Contain(force));
    }

    [TestCase("FAMa soldiers were ambushed on the road.", new[] { "ML" })]
    [TestCase("Houthi forces fired drones at a vessel.", new[] { "YE" })]
    [TestCase("Al-Shabaab fighters raided a village.", new[] { "SO" })]
    [TestCase("Hezbollah fired missiles at an Israeli army post.", new[] { "IL" })]
    [TestCase("Wagner Group fighters were seen at the airport.", new string[0])]
    public void AForce_ImpliesItsHome_OnlyWhenTheTextNamesNoCountry(string text, string[] countries) =>
        Assert.That(Countries(text), Is.EqualTo(countries), "a private military company's home says nothing about where it acts");

    [Test]
    public void AForcesHome_IsAnImpliedMention_OnTheForce()
    {
        var country = Tagger.Tag("FAMa soldiers were ambushed on the road.").Single(m => m.Kind == EntityKind.Country);
        Assert.That((country.Id, country.Text, country.Implied), Is.EqualTo(("ML", "FAMa", true)), "it counts for filters but weighs little in what the text is about");
    }

    [TestCase("Let us go; they told us so.", new string[0])]
    [TestCase("Jem and Fama walked home.", new string[0])]
    [TestCase("LeT militants attacked the camp.", new[] { "lashkar-e-taiba@LeT" })]
    [TestCase("JeM claimed the attack.", new[] { "jaish-e-mohammed@JeM" })]
    [TestCase("FAMA SOLDIERS AMBUSHED NEAR MOPTI", new[] { "ml-armed-forces@FAMA" })]
    public void MixedCaseAcronyms_KeepTheirInnerCapital(string text, string[] forces) =>
        Assert.That(Forces(text), Is.EqualTo(forces), "an all-capitals headline may write an acronym of four letters or more in capitals");

    [TestCase("SPLM-IO forces attacked a barracks.", "splm-a-io@SPLM-IO")]
    [TestCase("SPLA-IO fighters withdrew.", "splm-a-io@SPLA-IO")]
    [TestCase("SLA-MM fighters joined the army in Darfur.", "slm-a-mm@SLA-MM")]
    public void MovementAndArmyNames_MatchEitherHalf(string text, string expected) =>
        Assert.That(Forces(text), Does.Contain(expected), "UCDP writes \"SPLM/A - IO\"; news writes \"SPLM-IO\" or \"SPLA-IO\"");

    [TestCase("ONLF fighters clashed with Liyu police in the Somali region.", "ET")]
    [TestCase("Niger state television said the junta met.", "NE")]
    public void ARegionWordInLowerCase_StillNamesTheRegion_ButStateStaysAmbiguous(string text, string country) =>
        Assert.That(Countries(text), Is.EqualTo(new[] { country }), "\"the Somali region\" is Ethiopia's; \"Niger state television\" is Niger's");

    [TestCase("Gunmen attacked a village in Barangay Saudi Kalawag.", new string[0])]
    [TestCase("Senior Saudi officials visited Tehran.", new[] { "SA", "IR" })]
    [TestCase("He met with Ukrainian President Volodymyr Zelensky.", new[] { "UA" })]
    public void ACountryWordInsideALongerName_IsPartOfThatName(string text, string[] countries) =>
        Assert.That(Countries(text), Is.EqualTo(countries), "a demonym or country word between two capitalised words that name nothing is part of a place or person name");

    [TestCase("On 19 May 2024, the KIA shelled a military camp in Bhamo.", "kio@KIA")]
    [TestCase("PDF fighters ambushed a junta convoy near Sagaing, killing six soldiers.", "mm-pdf@PDF")]
    [TestCase("ARSA fighters clashed with a rival group in Cox's Bazar.", "arsa@ARSA")]
    [TestCase("Maoists killed a villager in Bijapur district.", "cpi-maoist@Maoists")]
    public void AContextName_IsResolvedByTheCountryOfALocatedPlace(string text, string expected) =>
        Assert.That(Forces(text), Is.EqualTo(new[] { expected }), "a town or region the report keeps names the country the short name needs");

    [TestCase("The KIA dealer opened a showroom in Atlanta.")]
    [TestCase("Download the PDF from the ministry's site in Nairobi.")]
    [TestCase("The KIA said the attack failed.")]
    public void AContextName_WithAPlaceOfAnotherCountryOrNone_StaysUntagged(string text) =>
        Assert.That(Forces(text), Is.Empty, "the place must be in the country or area of the entity the short name stands for");

    [TestCase("Milei's government devalued the peso by 54%.", "AR")]
    [TestCase("Erdogan met Putin in Sochi to discuss grain exports.", "RU,TR")]
    [TestCase("Modi's BJP lost its majority in the Lok Sabha.", "IN")]
    [TestCase("The Knesset passed the judicial overhaul bill.", "IL")]
    public void ALeadersName_NamesTheCountry_WhenTheTextDoesNot(string text, string expected) =>
        Assert.That(string.Join(",", Tagger.Tag(new Article("x", text, "")).About.Countries), Is.EqualTo(expected),
            "a leader's name stands for the state, like a capital: it makes the country the report is about");

    [TestCase("A shooting in Blair County left two dead.")]
    [TestCase("Police identified the victim as Jose Noriega, 34.")]
    [TestCase("Empress Sisi was the wife of Franz Joseph.")]
    [TestCase("Volunteers of the Rural Bush Fire Brigade were praised.")]
    [TestCase("Analyst Jason Gillard expects a rally. Gillard said the mark could fall.")]
    public void ASurnameInsideAnotherName_NamesNoCountry(string text) =>
        Assert.That(Countries(text), Is.Empty, "a leader's surname names its country only where it stands as that person");

    [TestCase("President Putin said talks would continue.", "RU")]
    [TestCase("Putin's spokesman declined to comment.", "RU")]
    [TestCase("The Reagan Administration rejected the proposal.", "US")]
    [TestCase("Chancellor Merkel arrived on Monday.", "DE")]
    public void ASurnameWithATitleOrPossessive_NamesItsCountry(string text, string country) =>
        Assert.That(Countries(text), Is.EqualTo(new[] { country }));

    [Test]
    public void ALeadersName_FindsTheCountryInACatalogSearch() =>
        Assert.That(EntityCatalog.Default.Search(EntityKind.Country, "Milei").Select(e => e.Id), Is.EqualTo(new[] { "AR" }),
            "`newsindex entities Milei` shows the country the name stands for");

    [Test]
    public void ALeadersName_AddsNothing_WhereTheCountryIsNamed()
    {
        var text = "Reagan said the United States would not trade arms with Iran. Reagan told reporters Iran must free the hostages. "
            + "Reagan spoke at the White House. Reagan repeated that the U.S. policy was unchanged.";
        var mentions = Tagger.Tag(text);
        Assert.That(mentions.Where(m => m.Text == "Reagan"), Is.Empty, "the United States is named, so the leader's name adds nothing to it");
        Assert.That(Tagger.Tag(new Article("x", "Arms talks", text)).About.Countries, Is.EqualTo(new[] { "IR", "US" }),
            "counting four mentions of Reagan would have crowded Iran out of the story's countries");
    }

    [TestCase("Police Forces of India (2014-) clashed with protesters in Sukma.", "IN")]
    [TestCase("Police Forces of Mexico clashed with cartel gunmen in Culiacan.", "MX")]
    public void PoliceForcesOfACountryWithSeveralPolices_NameTheCountry_NotItsMilitary(string text, string country)
    {
        Assert.That(Forces(text), Is.Empty, "\"Police Forces of X\" is not \"Forces of X\", the national military");
        Assert.That(Countries(text), Does.Contain(country));
    }

    [Test]
    public void AnAmbiguousAcronym_NeedsItsCountryInContext() =>
        Assert.That(Forces("The ADF said the exercise ended.").Where(f => f.StartsWith("iscap@", StringComparison.Ordinal)), Is.Empty, "ADF is also the Australian Defence Force");

    [TestCase("Insurgents held Mocimboa da Praia for a year.", new string[0])]
    [TestCase("Talks were held in Praia.", new[] { "CV" })]
    [TestCase("Talks were held in Praia and Dakar.", new[] { "CV", "SN" })]
    public void ACapitalAfterAPlaceParticle_EndsALongerPlaceName(string text, string[] expected) =>
        Assert.That(Countries(text), Is.EqualTo(expected), "\"Mocimboa da Praia\" is a Mozambican town, not Cape Verde's capital");

    [TestCase("TTP militants attacked a police station in Khyber Pakhtunkhwa.", "ttp", "PK")]
    [TestCase("The Pakistani Taliban claimed the attack in Peshawar.", "ttp", "PK")]
    [TestCase("Abu Sayyaf bandits kidnapped fishermen off Sulu.", "asg", "PH")]
    [TestCase("The TNLA seized Lashio.", "pslf", "MM")]
    [TestCase("ISGS militants killed herders near Tillabéri.", "isgs", "NE")]
    public void ConflictReports_NameTheGroup_AndThePlaceNamesItsCountry(string text, string force, string country)
    {
        Assert.That(Forces(text).Select(f => f.Split('@')[0]), Does.Contain(force));
        Assert.That(Countries(text), Does.Contain(country), "a place where the group operates is supported by the group");
    }

    [Test]
    public void TheTaliban_AndThePakistaniTaliban_AreTwoGroups() =>
        Assert.That(Forces("The Taliban and the Pakistani Taliban both held talks.").Select(f => f.Split('@')[0]), Is.EqualTo(new[] { "taliban", "ttp" }));

    [Test]
    public void AHostileListOfPlaces_IsTaggedInLinearTime()
    {
        // 200,000 unsupported implied mentions (one city, named over and over) and 2,000 supported ones (cities of the
        // catalog). A check that compared every unsupported place with every mention (40 billion comparisons) would
        // stall here for minutes.
        // Names one city has (a name big cities of several countries share reads as the one the text supports).
        var shared = EntityCatalog.Default.Cities.GroupBy(c => c.Name.ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var cities = EntityCatalog.Default.Cities.Where(c => c.Country != "NG" && !shared.Contains(c.Name.ToUpperInvariant())).Take(2_000).ToList();
        var text = string.Join(", ", Enumerable.Repeat("Kano", 200_000).Concat(cities.Select(c => c.Name))) + ".";
        var tagging = Task.Run(() => Tagger.Tag(text));
        Assert.That(tagging.Wait(TimeSpan.FromSeconds(30)), Is.True, "tagging finished");
        var countries = tagging.Result.Where(m => m.Kind == EntityKind.Country).Select(m => m.Id).ToHashSet();
        Assert.That(countries, Does.Not.Contain("NG"), "Kano alone, however often, names no country");
        var supported = cities.GroupBy(c => c.Country).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.That(countries, Is.SupersetOf(supported), "every country with two different cities in the list is named");
    }

    [Test]
    public void AHostileListOfShortNamesAndPlaces_IsTaggedInLinearTime()
    {
        // 200,000 context names waiting for a place, and 200,000 places that name one: checking each waiting name against
        // every mention (tens of billions of comparisons) stalled here for minutes.
        var text = string.Concat(Enumerable.Repeat("The KIA shelled a camp in Bhamo. ", 200_000));
        var tagging = Task.Run(() => Tagger.Tag(text));
        Assert.That(tagging.Wait(TimeSpan.FromSeconds(30)), Is.True, "tagging finished");
        Assert.That(tagging.Result.Count(m => m.Id == "kio"), Is.EqualTo(200_000), "every KIA is the Kachin Independence Army");
    }

    [Test]
    public void ALongerNameOfAnotherForce_IsNotReadAsTheShorterOne() =>
        Assert.That(Forces("Taliban forces clashed with the National Resistance Front in Panjshir."),
            Is.EqualTo(new[] { "taliban@Taliban", "nrf-af@National Resistance Front" }), "not another group's \"(The) Resistance Front\"");

    [Test]
    public void ImpliedRegionMentions_WeighLittleInWhatAnArticleIsAbout()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "shadows.json");
        File.WriteAllText(path, """{ "regions": [ { "name": "Zambezi Valley Province", "country": "MZ" } ], "features": [] }""");
        var tagger = EntityCatalog.Default.WithFile(path).Tagger;
        var article = new NewsIndex.Ingestion.Article("a", "Floods in Zambezi Valley Province",
            "Kenya sent aid to Zambezi Valley Province. Kenya said more would follow.");
        var tagged = tagger.Tag(article);
        Assert.That(tagged.Mentioned.Countries, Is.EqualTo(new[] { "KE", "MZ" }));
        Assert.That(tagged.About.Countries, Is.EqualTo(new[] { "KE" }), "implied mentions, even in the headline, do not make it about Mozambique");
        Directory.Delete(dir, true);
    }

    [TestCase("Anatole France wrote novels.", new string[0])]
    [TestCase("France Gall sang.", new string[0])]
    [TestCase("France and Holland signed.", new[] { "FR", "NL" })]
    public void SurnamesAndFirstNames_EqualToACountry_AreNotTheCountry(string text, string[] expected) =>
        Assert.That(Countries(text), Is.EqualTo(expected));
}
