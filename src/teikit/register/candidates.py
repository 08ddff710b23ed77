"""Names a text seems to use, found without a register, each with the evidence for its kind.

The entity pass tags the accepted ones when there is no register; ``teikit entities suggest``
turns them into register entries for an editor to review.

1. **Spans.** A candidate is a run of capitalised words on one line of a signature or field (or
   across a line break in prose), with connectors inside ("Council of People’s Commissars",
   "Café du Commerce", "Blohm und Voss"), internal abbreviations ("St. Petersburg", "Mt.
   Elbrus") and initials ("A. J. Cook"). Function words at its edges are trimmed; a personal
   title ("General", "Herr", "Mr.") is taken off the name and recorded as evidence, unless what
   follows is an event, organisation or place ("General Strike", "General Council"); "X of the
   Y" stays one name only when X is a head noun that takes "of" ("Ministry of Labour"), so
   "Petrov of the Gendarmes" is two; "and" joins only into an organisation ("Transport and
   General Workers’ Union"). A possessive "’s" is left out.
2. **Junk.** Function words, pronouns, religious words (God, Lord, Thy), roles and titles alone
   (Secretary, Government, "Lord Provost"), languages and nationality adjectives, months and
   weekdays, and — in a text with German in it — capitalised German common nouns
   ("Betriebsräte", "Obleute") are not names. A word that only ever opens a sentence and also
   occurs in lower case is an ordinary word.
3. **Kinds from evidence.** Every occurrence adds evidence: a title before it (person), a head
   noun ("Party", "Street", "Gazette", "Strike"), "in/at/from X" (place), "wrote in X" (title),
   a verb of speech after it (person, or an organisation when an article comes first), a plural
   after "the" (a group: organisation), a lower-case noun after it ("the Reiherstieg yard"),
   header fields, datelines and bylines; the form itself adds a first name or initials (person),
   a gazetteer entry (place), surname endings ("-sky"). Names in one list ("Samara and Syzran")
   lend each other their kinds. The scores of all occurrences are added up (one kind for every
   occurrence), and a candidate is *accepted* when one kind clearly wins; otherwise it is left
   for *review*, never silently made a person.
4. **Links.** A surname alone ("Dunlop") is the person of the one full name that ends in it
   ("Neil Dunlop"); initials and surname ("H. Lind") are the full name that fits them; an
   acronym ("ASE") is the organisation whose initials it spells.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import dropwhile, pairwise

from teikit import language
from teikit.convert.model import LEAD_IN_KEY, Block, BlockKind, Transcription
from teikit.register import gazetteer
from teikit.register.citations import (
    PUBLISHER_WORDS,
    REPOSITORY_WORDS,
    Citation,
    Part,
    PartKind,
    month_names,
    read_citation,
)
from teikit.register.entries import EntityKind, Register
from teikit.register.matcher import form_key


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# the title page (author, title, part) is the document itself; the author is a person
SKIPPED_KINDS = frozenset({BlockKind.AUTHOR, BlockKind.TITLE, BlockKind.SUBTITLE})
_UNREAD_KINDS = frozenset({BlockKind.TITLE, BlockKind.SUBTITLE, BlockKind.TRAILER,
                           BlockKind.HEADING, BlockKind.NOTES_HEADING})

TITLES_OF_PERSONS = _words("""
General Colonel Comrade Prince Princess Count Countess Captain Admiral Dr. Dr Mr. Mr Mrs. Mrs
Miss Ms. Ms M. Mme. Mme Mlle. Professor Prof. Lieutenant Citizen Tsar Tsarina Baron Baroness
Major Sergeant Herr Frau Fräulein Genosse Genossin Monsieur Madame Sir Lady Lord Brother Sister
Father Councillor Alderman Senator Deputy Judge Justice Sheriff Inspector Chief Constable
President Premier Minister Commissar Bishop Rev. Reverend Marshal Ataman Hetman Governor Mayor
Grand Duke Duchess King Queen Emperor Empress Kaiser Gen. Col. Capt. Lt. Sgt. Gov. Comrades
Genossen Genossinnen Kameraden Freunde Camarades Citoyens Citoyennes Amis
Engineer Doctor Ingenieur Signor Signora Señor Tovarishch Old Dein Deine Euer Eure Votre
""")
ORG_WORDS = _words("""
Party Committee Council Congress Union Bank Ministry Commissariat Duma Soviet Soviets Army Guard
Guards Bureau Section Assembly Academy Executive Government International League Federation
Conference Company Society Association Club School University Institute Division Corps Regiment
Front Group Headquarters Opposition Tribunal Cheka Commissars Trust Syndicate Office Bourse
Archive Archives Press Agency Cooperative Co-operative Works Board Court Constabulary Police
Centre Center Library Commission Department Reichstag Landtag Senat Senate Sejm Parliament
Brigade Legion Navy Fleet Militia Cartel Corporation Alliance Brotherhood Fraternity Order
Mission Secretariat Presidium Politburo Orgburo Werft Werke AG GmbH Verein Verband Partei
Gewerkschaft Authority Brothers
Labour Labor Movement Circle Collective Bloc Commune Guild Chamber Exchange Inspectorate
Administration Directorate Management Cabinet Convention Lodge Sisterhood Workshops Mills Mill
House Confederation Confédération Fédération Parti Comité Conseil Syndicat Internationale
Gouvernement Compagnie Société Ministère Assemblée Chambre Banque Armée Regierung Kommission
Congrès Ligue
Gesellschaft
""") | PUBLISHER_WORDS
# single words that are names although they could head other names
SPECIFIC_ORGS = frozenset({"Cheka", "Duma", "Reichstag", "Landtag", "Senat", "Sejm", "Politburo",
                           "Orgburo", "Presidium", "Comintern", "Profintern", "Vikzhel"})
PLACE_WORDS = _words("""
Prospect Street Square Palace Bridge River Island Islands Isles Rue Avenue Boulevard Basin Valley
Region Oblast Gulf Bay Coast Plain Steppe Forest Port Harbour Harbor Station Gate Gates Gardens
Quay Heights Province Mountains Sea Lake Canal Fortress Kremlin Road Lane Dock Docks Chambers
Hall Market Barracks Head Park Row Terrace Wharf Hill Hills Common Cross Circus Republic Kingdom
Empire Peninsula Strait Straits Ocean Cape Mount Cathedral Church Prison Gaol Jail Hospital Camp
Embankment Highway Uezd Guberniya Gubernia County Shire District Quarter Suburb Pass Desert
Marsh Moor Fields Field Place Crescent Close Way Walk Gardens Yard Pier Salle Gare Palais Pont
Quai Porte Platz Strasse Straße Ulica Piazza Plaza
""")
# a place word that opens the name: "Rue Lafayette", "Lake Baikal", "Mount Elbrus", "Fort William"
PLACE_OPENERS = _words("Salle Rue Place Boulevard Avenue Quai Pont Porte Piazza Via Calle Plaza "
                       "Plac Ulica Mount Mt. Lake Cape Fort Port Gulf Isle Bay Strait Straits "
                       "River")
TITLE_WORDS = _words("""
Worker Herald Gazette Times Post Record Echo Chronicle Tribune Courier Journal Review Bulletin
Magazine Mercury Observer Standard Telegraph Guardian Express Mail News Clarion Zeitung Fahne Gazeta
Globe Call Leader Sun Star Banner Advocate Messenger Appeal
Pamphlet Manifesto Quarterly Monthly Weekly Almanac Notebook Notebooks Izvestia
""")
# "Collected Works", "Gesammelte Reden und Schriften", "Œuvres complètes": an edition of an
# author's works is a book, not the works of a factory ("Putilov Works")
_EDITION_OF_WORKS = _words("Collected Selected Complete Chosen Gesammelte Ausgewählte Sämtliche "
                           "Ausgewählten Gesammelten Izbrannye Izbrannyye Polnoe")
_WORKS = _words("Works Writings Speeches Letters Essays Articles Reden Schriften Werke Briefe "
                "Aufsätze Œuvres Oeuvres Opere Obras Sochineniya Sochinenii Proizvedeniya "
                "Stati Rechi")
# "Œuvres complètes", "Opere scelte": the works named first, then what edition of them
_WORKS_FIRST = _words("Œuvres Oeuvres Opere Obras")
BOOK_TITLE = "a book title"
# what names a work rather than a periodical: "the April Theses", "the Communist Manifesto"
WORK_NOUNS = frozenset({"Theses", "Manifesto", "Notebooks", "Notebook", "Testament", "Programme",
                        "Program", "Memoirs", "Reminiscences"})
TITLE_OPENERS = frozenset({"Daily", "Weekly", "Monthly", "Sunday", "Evening", "Morning"})
# periodicals every text of this family cites, as a small gazetteer of its own
KNOWN_PERIODICALS = _words("""
Pravda Izvestia Izvestiya Iskra Vpered Vperyod Vorwärts Humanité L’Humanité Avanti Rech Zvezda
Sotsial-Demokrat Rabochaya Novaya Dyelo Nashe Proletary Neue Kommunist Inprecorr Inprekorr
""")
# persons every text of this family cites, some of whom are also towns ("Marx", "Engels") or
# read as ordinary words: evidence of a person, which a context of place can still outweigh
KNOWN_PERSONS = _words("""
Marx Engels Lenin Trotsky Kautsky Plekhanov Bebel Liebknecht Luxemburg Bernstein Lassalle
Bukharin Zinoviev Kamenev Stalin Martov Kerensky Kornilov Proudhon Bakunin Hegel Feuerbach
Ricardo Dühring Jaurès Guesde Lafargue Mehring Hilferding Radek Rakovsky Preobrazhensky
Lunacharsky Kollontai Krupskaya Axelrod Potresov Tsereteli Chkheidze Chernov Milyukov Guchkov
Rodzianko Denikin Kolchak Wrangel Yudenich Sverdlov Dzerzhinsky Kropotkin Herzen Chernyshevsky
""")
EVENT_WORDS = _words("""
Strike Putsch Revolution Rising Uprising Insurrection Mutiny Rebellion Revolt War Massacre
Lockout Lock-out Days Pogrom Famine Crisis Affair Offensive Battle Siege Armistice Treaty
""")
SEASONS = frozenset({"Spring", "Summer", "Autumn", "Fall", "Winter"})
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                      "Sunday"})
MONTH_NAMES = frozenset({"January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"})
# the head of a book's title that takes "of": "Critique of Political Economy", "The Poverty of
# Philosophy", "The Origin of the Family", "The Condition of the Working Class in England"
BOOK_HEADS = frozenset({"Critique", "Poverty", "Origin", "Origins", "Condition", "Anatomy",
                        "Principles", "Elements", "Foundations", "Theory", "Theories"})
# "X of …" is one name when X is one of these (besides the head nouns above)
OF_TAKERS = frozenset({"Isle", "Gulf", "Bay", "Sea", "Republic", "Kingdom", "City", "Cape",
                       "Straits", "Strait", "Mount", "Lake", "Duchy", "Principality", "Friends",
                       "Federation", "Union", "Soviet", "Soviets", "Sons", "Daughters",
                       "Knights", "Bulletin", "Izvestia", "Voice", "Organ", "Battle", "Siege",
                       "Treaty", "Peace", "Archive", "Archives"} | EVENT_WORDS | BOOK_HEADS)
# words that may open a name although they are ordinary words ("New York", "Third International")
NAME_ADJECTIVES = _words("New Old Great Little Big Upper Lower First Second Third Fourth Fifth "
                         "Sixth Seventh Eighth Ninth Tenth Young Free Holy")
DIRECTIONS = frozenset({"North", "South", "East", "West", "Upper", "Lower", "Central", "Northern",
                        "Southern", "Eastern", "Western", "Greater", "Little", "Old", "New"})
RELIGIOUS_WORDS = _words("""
God Gods Lord Lords Thy Thee Thou Thine Heaven Heavens Almighty Providence Amen Hallelujah Holy
Saviour Savior Creator Devil Satan Gospel Bible Church Mass Hell Paradise Lordship
""")
ROLE_WORDS = _words("""
Secretary Chairman Chairwoman President Vice-President Minister Premier Government Executive
Committee Council Board Party Union Federation Congress Comrade Comrades Brother Brothers Sister
Sisters Citizen Citizens Delegate Delegates Mayor Provost Governor Governor-General Commissar
Commissars Chief Constable Inspector Director Manager Organiser Organizer Treasurer Editor
Editors Member Members Deputy Deputies Senator Councillor Alderman Sheriff Judge Magistrate King
Queen Emperor Tsar Czar Kaiser Pope Bishop Archbishop Priest Management Administration State
Capital Movement Revolution Army Navy Police Press Court House Assembly Republic Workers Worker
Employers Masters Ministers Staff Branch District Secretariat Presidium Commission Headquarters
Office Department Bureau Section Division Directors Trustees Officers General Colonel Captain
Admiral Marshal Generals Sir Madam Gentlemen Ladies Friends Proletariat Bourgeoisie Capitalism
Socialism Communism Anarchism Marxism Liberalism Conservatism Fascism Bolshevism Menshevism
Left Right Centre Reds Whites Red White Social-Democrats Socialists Communists Anarchists
Liberals Conservatives Radicals Democrats Republicans Nationalists Monarchists Imperialists
Liberal Conservative Radical Democratic Republican Tory Whig Unionist Progressive
Chair Chairmanship Leadership Administration Municipality Prefecture Prefect Mayoralty Town City
Country Nation People Peoples Land Empire Kingdom Crown Throne Church Trade Trades Labour Labor
Capital Industry Finance Commerce Agriculture Transport War Peace Law Laws Act Acts Bill Decree
Constitution Programme Program Resolution Manifesto Appeal Note Notes Memorandum Report Reports
Papers Collection Collections Minutes
""")
PRONOUNS = _words("""
I Me My Mine We Us Our Ours You Your Yours He Him His She Her Hers It Its They Them Their Theirs
Myself Yourself Himself Herself Itself Ourselves Themselves One
""")
_STOPWORDS_TEXT = """
A An The This That These Those There Their They Them Then Thus He She It Its His Her Hers Him
We Our Us You Your I Me My Mine In On At Of For From To By With Without As And But Or Nor So Yet
If When While Where Whereas Why What Who Whom Whose Which Not No None Every Each All Some Many Much
Few More Most Other Another Such One Two Three Four Five Six Seven Eight Nine Ten First Second
Third Fourth Fifth Last Next After Before During Since Until Only Even Also Still Already Here
Had Has Have Was Were Is Are Be Been Being Did Does Do Let May Might Must Shall Should Will Would
Can Could Yes Nothing Everything Something Anything Everyone Nobody Somebody Anybody History
Conclusion Finally However Therefore Meanwhile Moreover Nevertheless Indeed Perhaps Being
Mr Mrs Dr Ed Vol No Notes Chapter Part Written Nobody Nowhere Whatever Whoever Wherever Whenever
Somewhere Anywhere Everywhere Everybody Someone Anyone Hence Besides Afterwards Soon Later Long
Live Both Either Neither Never Always Often Sometimes Now Today Tonight Tomorrow Yesterday Once
Twice Again Above Below Over Under Through Throughout Between Against Along Around Behind Beyond
Despite Except Inside Outside Toward Towards Near Off Out Up Down About Across Like Unlike
Published Version Translation Transcription Mark-up Source Last Strong Sick Grave Armored Artillery
Summoned Why Acceptance Shortly Twelve Various Initiative Remember Organize Organise
Strengthen Repress Take Arrest Get Resist Very Direct Within Upon Among Although Though Because
Unless Whether Again Today Yesterday Tomorrow Dear Yours With Permission Please Thanks Thank
Greetings Regards Sincerely Fraternally Respectfully Faithfully Hurrah Hurray Down Forward Onward
Oh Ah Alas Well Yes Good Bad Great Little Big Small New Old Young Few Several Certain Hundreds
Thousands Millions Dozens Whole Half Quite Rather Almost Nearly Just Even Ever Far Enough Less
Least Better Best Worse Worst Same Own Above Instead Otherwise Accordingly Consequently Further
Furthermore Nonetheless Still Thereafter Thereupon Wherefore Why Whence Whither Lo Behold
Sixty Seventy Eighty Ninety Hundred Thousand Eleven Twenty Thirty Forty Fifty Everyone Everybody
Der Die Das Den Dem Ein Eine Einen Einem Einer Im Am Es Wir Sie Er Ich Ihr Diese Dieser Dieses
Mein Meine Meinen Meinem Meiner Unser Unsere Unseren Unserem Unserer Dein Deine Euer Eure Ihre
Ihren Ihrem Seine Seinen Seinem Seiner
Wenn Als Aber Auch Und Mit Nach Bei Auf Zu Les Un Une Il Elle Ils Elles Nous Vous Ce Cette Ces
Dans Pour Par Avec Et Mais Quand Le La Au Aux Depuis Selon Contre Chez Sans Sous Entre Vers
Tell Give Send Ask Bring Greet Kiss Say Show Write Wish Kindly Embrace
Pendant Après Avant Seit Während Dennoch Jede Jeder Jedes Viele En Sur Dès Ou Où Ni Ne Si
Von Vom Zum Zur Für Über Unter Gegen Durch Ohne Um Beim Aus Nun Doch Noch
Lieber Liebe Lieben Werter Werte Geehrter Geehrte Verehrter Verehrte Teurer Teure Sehr Cher
Chère Chers Chères Mon Ma Mes
P.S. P.P.S. N.B. PS PPS NB S.E. N.W. S.W. N.E. E.C. W.C. OK Ltd Co Inc Esq
Volume Volumes Page Pages Issue Issues Number Numbers Edition Appendix Preface Foreword Afterword
Supplement Footnote Footnotes See Cf Compare How
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split()) | PRONOUNS | WEEKDAYS
CONNECTORS = frozenset({"of", "for", "de", "du", "des", "von", "van", "der", "den", "la", "le",
                        "di", "da", "del", "della", "und", "&", "y", "zu", "am", "and"})
# a connector that may open or be the only content between two parts: "of the", "and the"
_OF_CONNECTORS = frozenset({"of", "for"})
_AND_CONNECTORS = frozenset({"and", "und", "et"})
# German and French articles that open a periodical's name
_TITLE_ARTICLES = frozenset({"Der", "Die", "Das", "Le", "La", "Les", "L’", "L'"})
# the connectors that stand between a name's parts as particles ("Otto von Bismarck",
# "Leonardo da Vinci"), and after a place as prepositions ("Berlin von Sieg")
_PARTICLES = CONNECTORS - _OF_CONNECTORS - _AND_CONNECTORS - {"&"}
_APART = "apart"    # a join that parts two names
_ROMANCE_OF = frozenset({"du", "de", "des", "di", "del", "della", "da", "dos", "das"})
_FIRM_CONNECTORS = frozenset({"und", "&"})
# blocks whose lines are separate units, not wrapped prose
LINED_KINDS = frozenset({BlockKind.SIGNED, BlockKind.DATELINE, BlockKind.SALUTE, BlockKind.FIELD,
                         BlockKind.ADDRESS})
# a name followed by a year in a publication field is the place of the imprint
_PUBLICATION_YEAR = re.compile(r",?\s+(?:1[5-9]\d\d|20\d\d)\b(?![–—-])")
_ABBREVIATIONS = ("St", "Mt", "Ft", "Ste", "Sta", "Pt", "Dr", "Mr", "Mrs", "Mme", "Mlle", "Prof",
                  "Gen", "Col", "Capt", "Lt", "Sgt", "Gov", "Rev", "Jr", "Sr", "No", "Vol", "Nos",
                  "pp", "p", "cf", "ibid", "viz", "etc", "vs", "Bros", "Co", "Ltd", "Messrs",
                  "Ms", "M", "s.s", "S.S")
_TOKEN = re.compile(r"(?:St|Mt|Ft|Ste|Sta|Pt)\.(?=\s+[A-Z])|(?:[A-Z]\.)+|&|[^\W\d_][\w’'-]*")
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+$")
# a body's initials: "I.W.W.", "C.P.G.B." (three letters or more, written close), "ILP", "CPGB"
_ACRONYM = re.compile(r"(?:[A-Z]\.){3,}|(?!(?:[IVXLC]+|[A-Z])$)[A-Z]{2,6}")
# a body's initials around its "of": "A. F. of L." (American Federation of Labor)
_INITIALS_OF = re.compile(r"(?:[A-Z]\.\s?)+of\s(?:[A-Z]\.\s?)*[A-Z]\.")
_NUMBER_ABBREVIATIONS = frozenset({"No", "Nos", "Nr", "Vol", "Vols", "Bd", "Nº"})
# the initials of a state rather than a body
COUNTRY_ACRONYMS = frozenset({"USSR", "USA", "US", "UK", "GB", "RSFSR", "GDR", "FRG", "DDR",
                              "BRD"})
_SENTENCE_END = re.compile(r"(?:^|[.!?:;]['’”\"]?\s+|[“‘\"(\[–—]\s*)$")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")|\b[A-Z])\.\s+$")

SPEECH_VERBS = _words("""
said says told tells asked asks answered answers replied replies spoke speaks declared declares
promised promises cried shouted added adds explained explains insisted admitted admits warned
warns proposed proposes urged urges argued argues thought thinks believed believes demanded
demands knew knows wanted wants agreed agrees refused refuses objected objects protested
came went arrived returned left met meets laughed smiled sat stood died was is has had
""")
WRITING_VERBS = frozenset({"wrote", "writes", "reported", "reports", "printed", "prints",
                           "published", "publishes", "calls", "called", "announced", "announces"})
_TITLE_IN = re.compile(
    r"\b(?:printed|published|appeared|appears|wrote|writes|written|reported|read|article|"
    r"articles|letter|letters|editorial|reports?)\s+(?:in\s+(?:the\s+)?|to\s+the\s+|the\s+)?$",
    re.IGNORECASE)
# "a letter to Bloch", "Lenin wrote to Gorky", "replied to Kautsky": a person written to (with
# an article, "a letter to the Times", the paper)
_WRITTEN_TO = re.compile(
    r"\b(?:letters?|wrote|writes|written|writing|replied|replies|reply|answered|answer)\s+to\s+$",
    re.IGNORECASE)
_TITLE_BEFORE = re.compile(
    r"\b(?:newspaper|paper|journal|organ|daily|weekly|review|magazine|pamphlet|book|edits|"
    r"edited|editor\s+of|copy\s+of|copies\s+of|columns\s+of|pages\s+of|issue\s+of|number\s+of|"
    r"read)\s+(?:the\s+)?$", re.IGNORECASE)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|via|into|towards?|across|outside|around|through|by\s+way\s+of|"
    r"as\s+far\s+as|north\s+of|south\s+of|east\s+of|west\s+of)\s+$", re.IGNORECASE)
# "to X", "from X": a place as often as a person ("went to Moscow", "wrote to Lenin")
_TO_FROM_BEFORE = re.compile(r"\b(?:to|from)\s+$", re.IGNORECASE)
_ON_THE = re.compile(r"\b(?:on|along|up|down|across|beyond|over)\s+the\s+$", re.IGNORECASE)
_OF_BEFORE = re.compile(r"\bof\s+$")
_ARTICLE_BEFORE = re.compile(r"\b(?:the|The|a|an)\s+$")
_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|our|its|whose)\s+$", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*(?:By|by)\s+$")
# the words of a salutation before the name it addresses: "Dear ", "My dear Comrade "
_ADDRESSED = re.compile(r"^(?:(?:My\s+)?(?:[Dd]ear(?:est)?|Beloved)\s+(?:(?:Comrade|Friend|"
                        r"Brother|Sister|Citizen|Mr\.?|Mrs\.?|Miss|Dr\.?)\s+)?"
                        # "Lieber Genosse Lenin!", "Werte Genossin Zetkin!", "Cher camarade
                        # Monatte,", "Chère Rosa,"
                        r"|(?:Liebe[rn]?|Werte[rn]?|(?:Sehr\s+)?[Gg]eehrte[rn]?|Verehrte[rn]?|"
                        r"Teure[rn]?)\s+(?:(?:Genossin(?:nen)?|Genossen?|Freundin|Freund|Herr|"
                        r"Frau)\s+)?"
                        r"|(?:(?:Mon|Ma|Mes)\s+)?(?:[Cc]her|[Cc]hère|[Cc]hers|[Cc]hères)\s+"
                        r"(?:(?:camarade|citoyen|citoyenne|ami|amie|Monsieur|Madame)\s+)?)$")
_BYLINE_LINE = re.compile(r"^(?:By|BY)\s+[A-Z]")
_ORG_AFTER = re.compile(r"^['’]?s?\s+(?:yard|yards|works|factory|factories|mill|mills|plant|"
                        r"shipyard|shipyards|company|firm|berths|management|board|men|members|"
                        r"leaders|leadership|delegates|executive|branch|branches|regiment|"
                        r"regiments|battalion|division)\b")
_PLACE_AFTER = re.compile(r"^\s+(?:street|road|river|valley|district|region|province|station|"
                          r"dock|docks|gates|square|front|line|coalfield|coalfields|basin|"
                          r"county|area)\b")
_TITLE_AFTER = re.compile(r"^\s+(?:newspaper|paper|journal|printed|published|said\s+in\s+its|"
                          r"editorial)\b")
_PERSON_AFTER = re.compile(r"^,\s+(?:who|whom|whose)\b|^,\s+(?:the|a|an|our|his|her)\s+"
                           r"(?:chairman|secretary|leader|president|organiser|organizer|editor|"
                           r"author|manager|head|member|deputy|delegate|commander|general|"
                           r"minister|commissar|son|daughter|wife|husband|widow|brother|"
                           r"sister|father|mother|friend|driver|worker|miner|engineer)\b")
_SPEECH_AFTER = re.compile(r"^['’]?,?\s+(?:had\s+|has\s+|have\s+|also\s+|then\s+|himself\s+|"
                           r"herself\s+|itself\s+)?(?P<verb>[a-z]+)\b")
# German words that also stand in names an English text uses ("Neue Zeit", "Bund der
# Landwirte"): no sign of German in the text
_GERMAN_IN_NAMES = frozenset({"mit", "dem", "der", "die", "das", "den", "zu", "zum", "zur", "im",
                              "vom"})
_GERMAN_NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
                        "leute", "räte", "rat", "gesetz", "gesetze", "isten", "ismus", "meister",
                        "stand", "kongress", "kongreß", "haus", "tum", "nis", "wesen", "ordnung",
                        "arbeiter", "männer", "frage", "kampf", "tion")
_GERMAN_ORG_ENDINGS = ("bund", "verband", "verein", "partei", "werft", "werke", "gesellschaft",
                       "ausschuss", "ausschuß", "kartell", "bundes", "verbandes", "vereins",
                       "ausschusses")
_SURNAME_ENDINGS = ("sky", "ski", "skaya", "ska", "vich", "vitch", "vna", "enko", "shvili",
                    "dze", "ovsky", "evsky", "sohn", "stein", "mann", "ov", "ev", "ova", "eva",
                    "yov", "ich", "uk", "yuk", "chuk", "in", "ina")
_ADJECTIVE_ENDINGS = ("ian", "ean", "ese", "ish", "ic", "ist", "ists")

ACCEPT = 1.2          # the winning kind's score needed to accept a candidate …
SHARE = 0.6           # … and its share of all the evidence, or …
MARGIN = 1.5          # … this many times the score of the next kind
WEIGHT_STRONG, WEIGHT_MEDIUM, WEIGHT_WEAK = 3.0, 1.5, 0.6
REPEATS = 2           # occurrences of one kind of cue that count
_GAZETTEER_ALONE = WEIGHT_MEDIUM + 0.5    # a large place's name, nothing else said of it
WEIGHT_HEAD = 4.0     # a head noun ("Street", "Party") outweighs what one context suggests


@dataclass
class Candidate:
    """A name the text seems to use, before anyone has reviewed it."""

    form: str
    kind: EntityKind
    occurrences: list[tuple[int, int, int]] = field(default_factory=list)  # block, start, end
    initial_only: bool = True        # every occurrence opens a sentence
    scores: dict[EntityKind, float] = field(default_factory=lambda: defaultdict(float))
    evidence: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)   # personal titles seen before it
    status: str = "review"           # accepted | review
    confidence: float = 0.0
    same_as: str = ""                # the form of the candidate this one is another form of
    german_noun: bool = False
    docs: set[str] = field(default_factory=set)
    seen: Counter[tuple[EntityKind, str]] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return len(self.occurrences)

    @property
    def cue(self) -> bool:
        return max(self.scores.values(), default=0.0) >= WEIGHT_STRONG

    @property
    def confident(self) -> bool:
        return self.status == "accepted"

    @property
    def key(self) -> str:
        return form_key(self.form)

    @property
    def title_level(self) -> str:
        """A title's ``@level``: a book ("m") when its form names one, else a periodical
        ("j"), the kind of title the family's texts cite most."""
        return "m" if any(r.startswith(BOOK_TITLE) for r in self.evidence) else "j"

    @property
    def id(self) -> str:
        return slug(self.form)

    def add(self, kind: EntityKind, weight: float, reason: str) -> None:
        """Add evidence; one kind of cue counts for at most :data:`REPEATS` occurrences, so
        that a weak cue repeated in a long text does not outweigh a strong one."""
        self.seen[(kind, reason)] += 1
        if self.seen[(kind, reason)] <= REPEATS:
            self.scores[kind] += weight
        if reason not in self.evidence and weight > 0:
            self.evidence.append(reason)

    def ranked(self) -> list[tuple[EntityKind, float]]:
        return sorted(((k, v) for k, v in self.scores.items() if v > 0),
                      key=lambda kv: (-kv[1], list(EntityKind).index(kv[0])))


def slug(form: str) -> str:
    text = form_key(form).lower().replace("’", "").replace("'", "")
    text = re.sub(r"[^\w]+", "-", text).strip("-") or "entry"
    return text if text[0].isalpha() else f"n-{text}"


# --- spans ------------------------------------------------------------------------------------


def _capitalised(word: str) -> bool:
    if word == "&":
        return False
    if re.fullmatch(r"(?:[A-Z]\.)+", word) or re.match(r"^[ldLD]['’][A-ZÀ-Ý]", word):
        return True   # initials; an elided article before a name ("de l’Internationale")
    if word.isupper():
        return len(word) > 1 and not re.fullmatch(r"[IVXLC]+", word)
    return word[:1].isupper()


def _word(token: str) -> str:
    """A token as the word lists spell it ("UNION" → "Union", "Workers’" → "Workers")."""
    word = re.sub(r"[’']s$", "", token).rstrip("’'")
    if word.isupper() and len(word) > 1 and "." not in word:
        word = word.title()
    return word


def _runs(text: str, lines_apart: bool = False) -> list[list[re.Match[str]]]:
    """Runs of capitalised words (connectors inside) separated by nothing but spaces (and line
    breaks, unless ``lines_apart``)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    pending: list[re.Match[str]] = []          # connectors waiting for a capitalised word
    previous_end = -1
    for token in _TOKEN.finditer(text):
        word = token.group()
        gap = text[previous_end:token.start()] if previous_end >= 0 else ""
        joined = (previous_end >= 0 and gap != "" and gap.strip() == ""
                  and not (lines_apart and "\n" in gap))
        # "in the U.S.A. The R.I.L.U. …": a body's initials end the sentence they close
        closed = bool(current) and bool(_ACRONYM.fullmatch(current[-1].group())) and (
            current[-1].group().endswith(".") and word in STOPWORDS)
        # "Pravda No. 26", "Collected Works Vol. 3": the issue or volume is not in the name
        numbered = word in _NUMBER_ABBREVIATIONS and bool(
            re.match(r"\.?\s*\d", text[token.end():]))
        if current and (not joined or closed or numbered):
            runs.append(current)
            current, pending = [], []
        if numbered:
            previous_end = -1
            continue
        if _capitalised(word):
            current.extend(pending)
            current.append(token)
            pending = []
        elif current and (word in CONNECTORS or word.lower() in {"of", "and"}
                          or (word == "the" and pending)) and len(pending) < 2:
            pending.append(token)
        elif current:
            runs.append(current)
            current, pending = [], []
        previous_end = token.end()
    if current:
        runs.append(current)
    return [[*run, *_french_body_tail(text, run[-1])] for run in runs]


# French names a body by a capitalised head noun and the lower-case words after it: "Parti
# ouvrier", "Bourse du travail", "Confédération générale du travail", "Comité de grève" (the
# heads French alone spells so: "Union", "Commission" head English names too)
FRENCH_BODY_HEADS = frozenset({
    "Parti", "Comité", "Bourse", "Confédération", "Fédération", "Syndicat", "Chambre",
    "Conseil", "Congrès", "Société", "Ligue", "Assemblée", "Section"})
# what may follow the head: an adjective of a body's name (by its ending: "ouvrier",
# "socialiste", "générale", "révolutionnaire", "unifié") or "du"/"de la"/"des"/"de" and a
# lower-case noun, or "de l’" and the body it is part of ("de l’Internationale communiste")
_FRENCH_BODY_TAIL = re.compile(
    r"(?:\s+(?!(?:est|sont|était|a|ont|qui|que)\b)[a-zéèêàç]+(?:ier|ière|iers|ières|iste|istes|al|"
    r"ale|aux|ales|el|elle|aire|aires|ique|iques|ais|aise|é|ée|és|ées|if|ive|ain|aine|ien|"
    r"ienne)(?![\w’'-])|\s+(?:du|des|de\s+la|de|d’|d')\s*(?!(?:la|le|les|son|sa|ses|leur)\b)"
    r"[a-zéèêàç][a-zéèêàç-]{2,}(?![\w’'-])"
    # the body it is a part of, after an elided article: "Section française de l’Internationale"
    r"|\s+de\s+l[’']\s?[A-ZÉ][a-zéèêàç-]{2,}(?![\w’'-])){1,3}")


def _french_body_tail(text: str, head: re.Match[str]) -> list[re.Match[str]]:
    """The tokens of the lower-case words that name a French body after its head noun."""
    if head.group() not in FRENCH_BODY_HEADS or (
            head.group() == "Section" and not text.startswith(" française", head.end())):
        return []     # "Section française de l’Internationale ouvrière", not "Section general"
    tail = _FRENCH_BODY_TAIL.match(text, head.end())
    if tail is None:
        return []
    return list(_TOKEN.finditer(text, head.end(), tail.end()))


def head_noun(words: Sequence[str]) -> str:
    """The head noun of a name: the word before its first "of"/"for", else its last word; the
    body a place's name opens ("Port of London Authority") is named by its last word, and one a
    country's name in the German genitive ends ("Partei Deutschlands") by the word before."""
    for index, word in enumerate(words):
        if word in _OF_CONNECTORS | _ROMANCE_OF and index:
            if words[index - 1] in PLACE_WORDS and len(words) - index > 2 and \
                    words[-1] in ORG_WORDS:
                return words[-1]
            return words[index - 1]
    if len(words) > 1 and words[-1].endswith("s") and gazetteer.place_weight(words[-1][:-1]) > 1:
        return words[-2]     # a German genitive: "Sozialdemokratische Partei Deutschlands"
    return words[-1]


def _trades_joined(left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether "and" joins two words inside one body's name: the trades it organises ("…
    Organizing Iron and Steel Workers", "Jute and Flax Workers' Union") or its district
    ("Dundee and District …"), not two names ("the Miners and the Railwaymen")."""
    if right[0] == "District" and len(right) > 1 and gazetteer.place_weight(
            " ".join(dropwhile(STOPWORDS.__contains__, left))):
        return True
    word = left[-1]
    modifies = not (word in ORG_WORDS | TITLE_WORDS | PLACE_WORDS | TRADES or
                    word.endswith(GROUP_ENDINGS) or gazetteer.place_weight(word)
                    or gazetteer.is_first_name(word))
    people = any(w in TRADES for w in right)
    return modifies and len(right) <= 3 and people and (right[-1] in ORG_WORDS | TRADES)


def _split(tokens: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Cut a run at "of"/"and" where it holds two names ("Petrov of the Gendarmes")."""
    parts: list[list[re.Match[str]]] = [[]]
    joins: list[str] = []
    whole_place = gazetteer.place_weight(" ".join(_word(t.group()) for t in tokens)) > 0
    for token in tokens:
        word = token.group()
        if word.lower() in _OF_CONNECTORS | _AND_CONNECTORS and word.islower():
            joins.append(word.lower())
            parts.append([])
        elif word in _PARTICLES and parts[-1] and not whole_place and _word(
                parts[-1][0].group()) not in FRENCH_BODY_HEADS and gazetteer.place_weight(
                " ".join(_word(t.group()) for t in parts[-1])) and not _looks_like_person(
                [_word(t.group()) for t in parts[-1]]):
            # a place, then a preposition: "Berlin von Sieg", "Paris de nouveau"; not
            # "Frankfurt am Main", which is one place
            joins.append(_APART)
            parts.append([])
        elif word in {"der", "des"} and len(parts[-1]) == 1 and _people_of(
                _word(parts[-1][0].group())):
            # German people of a body: "Arbeiter der Vulcan-Werft", "Vorsitzende des
            # Deutschen Metallarbeiter-Verbandes" (the body is the name)
            joins.append(_APART)
            parts[-1] = []
        elif word == "the" and not parts[-1]:
            continue
        else:
            parts[-1].append(token)
    if len(parts) == 1:
        return parts
    out: list[list[re.Match[str]]] = [parts[0]]
    for join, part in zip(joins, parts[1:], strict=True):
        left = [_word(t.group()) for t in out[-1]]
        right = [_word(t.group()) for t in part]
        if not left or not right:
            out.append(part)
            continue
        left_head = head_noun(left)
        if join == _APART:
            keep = False
        elif all(w in WEEKDAYS | MONTH_NAMES for w in right):
            keep = False     # "the Liverpool Echo of Tuesday"
        elif join == "of" and all(_INITIALS.match(side + " ") for side in (
                " ".join(left), " ".join(right))):
            keep = True      # "A. F. of L."
        elif join in _OF_CONNECTORS:
            keep = (left_head in ORG_WORDS | PLACE_WORDS | TITLE_WORDS | OF_TAKERS
                    or left_head in KNOWN_PERIODICALS or _group_name(left)
                    ) and not _looks_like_person(left)
        elif all(gazetteer.place_weight(" ".join(dropwhile(STOPWORDS.__contains__, side)))
                 for side in (left, right)):
            keep = False     # "Berlin und München": two places
        elif join != "and":
            keep = True      # a firm's name: "Siemens und Halske", "Dupont et Fils"
        elif re.search(r"s['’]$", out[-1][-1].group()):
            # after a plural's possessive the name goes on: "Soviet of Workers' and Soldiers'
            # Deputies", "Workers' and Peasants' Government"
            keep = True
        else:   # "and": only into an organisation ("Transport and General Workers’ Union")
            keep = (right[-1] in ORG_WORDS and left[-1] not in ORG_WORDS and len(left) <= 2) \
                or _trades_joined(left, right)
        if keep:
            out[-1] = [*out[-1], *[t for t in tokens if out[-1][-1].end() <= t.start()
                                   < part[0].start()], *part]
        else:
            out.append(part)
    return [p for p in out if p]


# place words that are also common surnames ("Ellen Marsh", "Joe Hill"), unlike "Square"
SURNAME_HEADS = _words("Marsh Hill Field Fields Lane Cross Moor Wood Camp Bridges Gates Walker"
                       " Mann")


# how the name of a body of people ends: "Textile Workers", "Bolsheviks", "Old Believers"
GROUP_ENDINGS = ("ers", "ists", "men", "iks", "ites", "ans")
# the people of a trade, as a body of them is named after its town ("Sheffield Engineers",
# "Leeds Weavers"): a town that is also a given name names no person before them
TRADES = _words("""
Workers Engineers Weavers Spinners Miners Colliers Dockers Dockworkers Printers Compositors
Railwaymen Seamen Sailors Boilermakers Shipwrights Carpenters Joiners Bakers Tailors Shoemakers
Bootmakers Labourers Laborers Teachers Clerks Metalworkers Steelworkers Ironworkers Moulders
Molders Masons Bricklayers Plasterers Painters Plumbers Glassworkers Potters Tramwaymen Carters
Drivers Porters Cooks Typographers Machinists Smiths Blacksmiths Coopers Dyers Woolcombers
""")


# German nouns of the people of a body, before its name in the genitive
_GERMAN_PEOPLE = _words("Vorsitzende Vorsitzender Vorsitzenden Sekretär Sekretärs Präsident "
                        "Führer Leiter Mitglied Mitglieder Genosse Genossen Direktor Direktion "
                        "Vertreter Redakteur Redaktion Chef Delegierte Delegierten Abgeordnete "
                        "Abgeordneten Belegschaft")
_GERMAN_PEOPLE_ENDINGS = ("arbeiter", "arbeiterinnen", "männer", "leute", "frauen")


def _people_of(word: str) -> bool:
    return word in _GERMAN_PEOPLE or word.lower().endswith(_GERMAN_PEOPLE_ENDINGS)


def _group_name(words: Sequence[str]) -> bool:
    """A body named by its members: "United Textile Workers", "Old Bolsheviks"."""
    last = words[-1]
    return (len(words) >= 2 and last[:1].isupper() and last.endswith(GROUP_ENDINGS)
            and (not gazetteer.is_first_name(words[0]) or last in TRADES))


def _looks_like_person(words: Sequence[str]) -> bool:
    if len(words) < 2 or not gazetteer.is_first_name(words[0]):
        return False
    last = words[-1]
    if last in TRADES:
        return False     # "Sheffield Engineers"
    if len(words) == 2 and last in SURNAME_HEADS:
        return True
    return last not in ORG_WORDS | PLACE_WORDS | TITLE_WORDS | EVENT_WORDS


# --- evidence ---------------------------------------------------------------------------------


def _field_kind(block: Block) -> EntityKind | None:
    """What a header field's value names: "Translated: Edith Lowe" a person, "Source: The
    Socialist Review, …" a periodical, "Delivered: 3 March 1919, Ivanovo" a place."""
    if block.kind is BlockKind.DATELINE:
        return EntityKind.PLACE
    if block.kind is BlockKind.BIBL:
        return EntityKind.TITLE     # a work cited with its imprint
    if block.kind is not BlockKind.FIELD:
        return None
    label = block.label.lower()
    if any(word in label for word in ("written", "delivered")):
        return EntityKind.PLACE
    if any(word in label for word in ("online", "copyleft", "copyright", "public domain")):
        return EntityKind.ORG       # the archive that publishes the transcription, or holds it
    if any(word in label for word in ("transl", "transcri", "markup", "mark-up", "proofread",
                                      "editor", "edited")):
        return EntityKind.PERSON
    if any(word in label for word in ("source", "version", "published")):
        return EntityKind.TITLE
    # a label in the family's other languages, by the kind ingest gave it ("Quelle:",
    # "Übersetzung:", "Prononcé :")
    return _FIELD_KINDS.get(block.key)


# what the value of a header field names, by the field's key (``teikit.convert`` ingest)
_FIELD_KINDS = {
    "written": EntityKind.PLACE, "delivered": EntityKind.PLACE,
    "online_version": EntityKind.ORG, "copyleft": EntityKind.ORG, "copyright": EntityKind.ORG,
    "public_domain": EntityKind.ORG, "translation": EntityKind.PERSON,
    "transcription": EntityKind.PERSON, "html_markup": EntityKind.PERSON,
    "proofread": EntityKind.PERSON, "source": EntityKind.TITLE,
    "this_version": EntityKind.TITLE, "first_published": EntityKind.TITLE}


def _form_evidence(candidate: Candidate, words: list[str], lowercase: set[str]) -> None:
    """What the form itself says: head nouns, first names, initials, gazetteers."""
    head = head_noun(words)
    if head not in ORG_WORDS | PLACE_WORDS | TITLE_WORDS | EVENT_WORDS and (
            set(words) & _ROMANCE_OF or (words[0] in FRENCH_BODY_HEADS and all(
                w.islower() for w in words[1:]))) and words[0] in ORG_WORDS | PLACE_WORDS:
        head = words[0]   # "Confédération Générale du Travail", "Salle du Manège", "Parti
        #                   ouvrier"
    head_part = words[:words.index(head) + 1] if head in words else words
    last = words[-1]
    if _INITIALS_OF.fullmatch(" ".join(words)):
        candidate.add(EntityKind.ORG, WEIGHT_HEAD, "a body's initials (‘A. F. of L.’)")
    elif _INITIALS.match(" ".join(words[:-1]) + " ") and len(words) > 1:
        candidate.add(EntityKind.PERSON, WEIGHT_STRONG, "initials before a surname")
    if head in EVENT_WORDS or (len(words) == 2 and words[1] in WEEKDAYS):
        candidate.add(EntityKind.EVENT, WEIGHT_HEAD, f"event word ‘{head}’")
    elif head in BOOK_HEADS and len(words) > 2 and words[words.index(head) + 1] == "of":
        candidate.add(EntityKind.TITLE, WEIGHT_HEAD, f"{BOOK_TITLE} (‘{head} of …’)")
    elif edition := _edition_of_works(words):
        candidate.add(EntityKind.TITLE, WEIGHT_HEAD, f"{BOOK_TITLE} (‘{edition}’)")
    elif head in WORK_NOUNS and len(words) > 1:
        candidate.add(EntityKind.TITLE, WEIGHT_HEAD, f"{BOOK_TITLE} (‘… {head}’)")
    elif head in ORG_WORDS or last.lower().endswith(_GERMAN_ORG_ENDINGS):
        candidate.add(EntityKind.ORG, WEIGHT_HEAD, f"organisation word ‘{head}’")
    elif head in PLACE_WORDS:
        weight = WEIGHT_MEDIUM if _looks_like_person(words) else WEIGHT_HEAD
        candidate.add(EntityKind.PLACE, weight, f"place word ‘{head}’")
    elif head in TITLE_WORDS or (words[0] in TITLE_OPENERS and len(words) > 1):
        candidate.add(EntityKind.TITLE, WEIGHT_HEAD, f"periodical word ‘{head}’")
    if len(words) > 1 and words[0] in PLACE_OPENERS and head not in ORG_WORDS | TITLE_WORDS:
        candidate.add(EntityKind.PLACE, WEIGHT_HEAD, f"place word ‘{words[0]}’")
    elif (_group_name(head_part) or re.fullmatch(r"[A-Z](?:-?[A-Z])+s", last)) and (
            head not in PLACE_WORDS | TITLE_WORDS | EVENT_WORDS):
        candidate.add(EntityKind.ORG, WEIGHT_MEDIUM + 0.5, "a body named by its members")
    if last in KNOWN_PERSONS and head not in ORG_WORDS | PLACE_WORDS | TITLE_WORDS | EVENT_WORDS:
        # outweighs a town of the same name ("Engels" on the Volga) with no context for it
        candidate.add(EntityKind.PERSON, WEIGHT_STRONG, "a person the family's texts cite")
    if words[0] in KNOWN_PERIODICALS or form_key(candidate.form) in KNOWN_PERIODICALS:
        candidate.add(EntityKind.TITLE, WEIGHT_STRONG, "a known periodical")
    if any(w in _FIRM_CONNECTORS for w in candidate.form.split()) and not any(
            w.lower().endswith(_GERMAN_NOUN_ENDINGS) for w in words):
        candidate.add(EntityKind.ORG, WEIGHT_MEDIUM + 0.5, "a firm’s name (‘und’, ‘&’)")
    if _looks_like_person(words):
        candidate.add(EntityKind.PERSON, WEIGHT_MEDIUM + 0.5, f"first name ‘{words[0]}’")
    elif (len(words) == 2 and all(w[:1].isupper() and not w.isupper() for w in words)
          and head not in ORG_WORDS | PLACE_WORDS | TITLE_WORDS | EVENT_WORDS
          and words[0] not in DIRECTIONS and not gazetteer.place_weight(" ".join(words))):
        candidate.add(EntityKind.PERSON, WEIGHT_WEAK, "two capitalised words")
    if len(words) == 1 and len(last) >= 5 and last.lower().endswith(_SURNAME_ENDINGS) and not (
            gazetteer.place_weight(last)) and last.lower() not in lowercase:
        candidate.add(EntityKind.PERSON, WEIGHT_MEDIUM + 0.5, "a surname ending")
    form = " ".join(words)
    if form.lower() not in lowercase and form not in STOPWORDS:
        weight = gazetteer.place_weight(form)
        if weight:
            candidate.add(EntityKind.PLACE, _GAZETTEER_ALONE if weight > 1 else WEIGHT_MEDIUM - 0.5,
                          "in the gazetteer")
        elif len(words) == 2 and words[0] in DIRECTIONS | _nationalities() and (
                gazetteer.place_weight(words[1])) and not gazetteer.is_first_name(words[0]):
            # "East Prussia", "Russian Poland"; not "Sam Hall" (Sam is also a language)
            candidate.add(EntityKind.PLACE, WEIGHT_STRONG, "a region of a known place")


def _edition_of_works(words: Sequence[str]) -> str:
    """"Collected Works", "Gesammelte Reden und Schriften", "Œuvres complètes": the words that
    make a form an edition of works, else ""."""
    parts = [part for word in words for part in word.split("/")]
    for index, word in enumerate(parts):
        if word in _EDITION_OF_WORKS:
            noun = next((w for w in parts[index + 1:] if w in _WORKS), None)
            if noun is not None:
                return f"{word} … {noun}" if parts[index + 1] != noun else f"{word} {noun}"
    if len(parts) > 1 and parts[0] in _WORKS_FIRST and parts[1][:1].islower():
        return f"{parts[0]} {parts[1]}"
    return ""


def _nationalities() -> frozenset[str]:
    return gazetteer.language_names() | {"Russian", "Prussian", "Austrian", "British", "Polish"}


# a word in quotation marks that the text speaks of: "the German “Arbeiterin”", "the word
# ‘Soviet’", "the term “Bolshevik”"
_MENTIONED_BEFORE = re.compile(r"\b(?:word|words|term|expression|German|Russian|French|"
                               r"English|Latin|Italian|Polish|Yiddish)\s+[\"“‘']$")
# a town and a comma, right before its region ("Gary, Indiana")
_TOWN_BEFORE = re.compile(r"(?<![\w’'-])(?P<town>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?),\s+$")
# what stands just before a name, first match decides: pattern, kind, weight, reason, and
# whether the rule holds only when no article precedes the name ("in the X" is not "in X")
_BEFORE_EVIDENCE: tuple[tuple[re.Pattern[str], EntityKind, float, str, bool], ...] = (
    (_WRITTEN_TO, EntityKind.PERSON, WEIGHT_MEDIUM + 0.5, "written to", True),
    (_TITLE_IN, EntityKind.TITLE, WEIGHT_MEDIUM + 1.0, "written or printed in it", False),
    (_TITLE_BEFORE, EntityKind.TITLE, WEIGHT_MEDIUM + 1.0, "a periodical named before it", False),
    (_ON_THE, EntityKind.PLACE, WEIGHT_WEAK + 0.2, "‘on the X’", False),
    (_PLACE_BEFORE, EntityKind.PLACE, WEIGHT_MEDIUM - 0.3, "a preposition of place", True),
    (_TO_FROM_BEFORE, EntityKind.PLACE, WEIGHT_WEAK, "‘to X’, ‘from X’", True),
    (_OF_BEFORE, EntityKind.PLACE, WEIGHT_WEAK / 2, "‘of X’", True),
)
# a noun just after a name, first match decides
_NOUN_AFTER_EVIDENCE: tuple[tuple[re.Pattern[str], EntityKind, float, str], ...] = (
    (_ORG_AFTER, EntityKind.ORG, WEIGHT_MEDIUM + 0.5, "an organisation noun after it"),
    (_PLACE_AFTER, EntityKind.PLACE, WEIGHT_MEDIUM + 0.5, "a place noun after it"),
)


def _context_evidence(candidate: Candidate, text: str, start: int, end: int, words: list[str],
                      plural: bool) -> None:
    before = text[max(0, start - 60):start]
    after = text[end:end + 60]
    article = bool(_ARTICLE_BEFORE.search(before))
    town = _TOWN_BEFORE.search(before)
    if town and any(gazetteer.place_weight(name) > 1 for name in (
            town.group("town"), town.group("town").split(" ")[-1])) and gazetteer.place_weight(
            " ".join(words)):
        # "Gary, Indiana", "Kuokkala, Finland": the region or country of the town before it
        candidate.add(EntityKind.PLACE, WEIGHT_MEDIUM, "the region of the town before it")
    if _BYLINE.match(text[:start]):
        candidate.add(EntityKind.PERSON, WEIGHT_STRONG, "a byline")
    for pattern, kind, weight, reason, without_article in _BEFORE_EVIDENCE:
        if pattern.search(before) and not (without_article and article):
            candidate.add(kind, weight, reason)
            break
    if plural and (article or _POSSESSIVE_BEFORE.search(before)):
        candidate.add(EntityKind.ORG, WEIGHT_MEDIUM, "a plural after an article: a group")
    for pattern, kind, weight, reason in _NOUN_AFTER_EVIDENCE:
        if pattern.match(after):
            candidate.add(kind, weight, reason)
            break
    if _TITLE_AFTER.match(after):
        candidate.add(EntityKind.TITLE, WEIGHT_MEDIUM, "printed or published")
    if _PERSON_AFTER.match(after):
        kind = EntityKind.ORG if plural else EntityKind.PERSON   # "the Bolsheviks, who …"
        candidate.add(kind, WEIGHT_MEDIUM + 0.5, "‘X, who …’, ‘X, the secretary’")
    speech = _SPEECH_AFTER.match(after)
    governed = re.search(r"\b(?:of|in|at|from|to|with|by|for|on|into|near|and|or)\s+(?:the\s+)?$",
                         before)
    if speech and not governed:
        verb = speech.group("verb")
        if verb in WRITING_VERBS and (article or candidate.scores[EntityKind.TITLE]):
            candidate.add(EntityKind.TITLE, WEIGHT_MEDIUM, f"‘the X {verb}’")
        elif verb in SPEECH_VERBS | WRITING_VERBS and verb not in {"was", "is", "has", "had"}:
            # "the Bolsheviks said", "Mensheviks declared"; but "Burns called", "Jones wrote"
            if article or (plural and words[-1].endswith(GROUP_ENDINGS)):
                candidate.add(EntityKind.ORG, WEIGHT_MEDIUM - 0.3, f"‘the X {verb}’")
            else:
                candidate.add(EntityKind.PERSON, WEIGHT_MEDIUM, f"‘X {verb}’")
    if len(words) == 1 and _ACRONYM.fullmatch(candidate.form):
        if candidate.form.replace(".", "") in COUNTRY_ACRONYMS:
            candidate.add(EntityKind.PLACE, WEIGHT_STRONG, "a state's initials")
        elif article or candidate.form.endswith("."):
            candidate.add(EntityKind.ORG, WEIGHT_MEDIUM, "a body's initials")
    if article and not plural:
        # persons seldom take an article; bodies often do ("the Vikzhel", "the Bund")
        candidate.add(EntityKind.PERSON, -1.0, "an article before it")
        candidate.add(EntityKind.ORG, WEIGHT_WEAK - 0.1, "an article before it")


# --- junk -------------------------------------------------------------------------------------


def _german_context(docs: Sequence[Transcription]) -> bool:
    """Whether the texts have German in them: a German text, or German words quoted in
    another (the German function words of :mod:`teikit.language`)."""
    german = language.FUNCTION_WORDS["de"] - _GERMAN_IN_NAMES
    words = re.findall(r"\b[a-zäöüß]+\b", " ".join(b.text for d in docs for b in d.blocks))
    markers = sum(1 for w in words if w in german)
    umlauts = len(set(re.findall(r"\b[A-ZÄÖÜ]\w*[äöüß]\w*", " ".join(
        b.text for d in docs for b in d.blocks))))
    return markers >= 2 or umlauts >= 2


# the German articles, contracted prepositions and possessives a common noun follows
_GERMAN_ARTICLE_BEFORE = re.compile(
    r"(?<![\w’'-])(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|im|am|vom|zum|"
    r"zur|beim|ins|ans|aufs|meine|meinen|unsere|unseren|seine|seinen|ihre|ihren)\s+$",
    re.IGNORECASE)


def _german_noun(word: str, german: bool) -> bool:
    lowered = word.lower()
    if not german or lowered.endswith(_GERMAN_ORG_ENDINGS) or gazetteer.place_weight(word):
        return False
    return lowered.endswith(_GERMAN_NOUN_ENDINGS) or bool(re.search(r"[äöüß]", lowered)
                                                          and lowered.endswith(("e", "en", "er")))


def _junk(words: list[str], lowercase: set[str]) -> bool:
    """Not a name at all: stop words, roles and titles alone, religious words, languages."""
    if not words:
        return True
    form = " ".join(words)
    if len(form) < 3 and not form.isupper():
        return True
    if all(_INITIALS.match(w + " ") or re.fullmatch(r"[IVXLC]+\.?", w) for w in words) and not (
            len(words) == 1 and _ACRONYM.fullmatch(words[0])):
        return True
    parts = [p for w in words for p in w.split("-") if p]
    # the months in English, French and German ("Dezember", "Juillet")
    months = MONTH_NAMES | month_names()
    if all(w in months | WEEKDAYS | NAME_ADJECTIVES | {"Style", "Last", "Next"}
           for w in parts):
        return True   # "July-August", "Monday-Tuesday"
    generic = ROLE_WORDS | TITLES_OF_PERSONS | RELIGIOUS_WORDS | STOPWORDS | {"Grand", "Vice",
                                                                             "Chief", "High"}
    heads = ORG_WORDS | PLACE_WORDS | TITLE_WORDS | EVENT_WORDS
    if all(p in generic or p.lower() in CONNECTORS for p in parts):
        # roles and titles ("Lord Provost", "District Secretary"), unless the head names a body
        # or a place ("Executive Committee", "Red Army", "Council of People’s Commissars")
        return form not in SPECIFIC_ORGS and (len(words) == 1 or head_noun(words) not in heads)
    if len(words) == 1:
        word = words[0]
        if word in STOPWORDS | RELIGIOUS_WORDS | months | SEASONS:
            return True   # "Written: Summer 1918" is a date
        if (word in gazetteer.language_names() or word in _nationalities()) and (
                gazetteer.place_weight(word) < 2):
            return True   # a language or nationality ("Tatar"), unless a city's name ("Spokane")
        if (word.endswith(_ADJECTIVE_ENDINGS) and not word.endswith("ists")
                and not gazetteer.place_weight(word)):
            return True   # a nationality or other adjective ("Russian")
        if word in ORG_WORDS | PLACE_WORDS | TITLE_WORDS | EVENT_WORDS and word not in (
                SPECIFIC_ORGS | KNOWN_PERIODICALS | {"Kremlin"}):
            return True   # a head noun alone ("Committee", "Gazette") names nothing by itself
    return False


# --- finding ----------------------------------------------------------------------------------


@dataclass
class _Occurrence:
    block: Block
    start: int
    end: int
    initial: bool
    title: str
    field_title: bool = False        # "Source: The Worker, …": the article is the title's
    part: Part | None = None         # the part of a citation field it stands in
    level: str | None = None         # that citation's title's level


# the parts of a citation that are one name each, however they are written ("A People's
# History of the Miners", "Lawrence and Wishart", "Œuvres complètes"); the authors before a
# title may be several ("Karl Marx and Frederick Engels")
_WHOLE_PARTS = frozenset({PartKind.TITLE, PartKind.PUBLISHER})
# the parts that hold no name ("Tome 3", "July-August 1917"), or none to tag: the text's own
# title, quoted before the periodical it appeared in, is the document (as on the title page)
_NAMELESS_PARTS = frozenset({PartKind.SCOPE, PartKind.DATE, PartKind.ARTICLE})


def find_candidates(doc: Transcription | Sequence[Transcription]) -> list[Candidate]:
    """Capitalised names the texts use, grouped by form, each with its evidence, kind, status.

    Several transcriptions are read as one corpus: every occurrence in every text adds to the
    evidence for a form's kind, and every occurrence gets the same kind.
    """
    docs = [doc] if isinstance(doc, Transcription) else list(doc)
    german = _german_context(docs)
    lowercase = {w for d in docs for b in d.blocks
                 for w in re.findall(r"(?<![\w’'-])[a-zà-ÿ][\w’'-]*", b.text)}
    found: dict[str, Candidate] = {}
    neighbours: dict[str, set[str]] = defaultdict(set)
    listing: list[str] = []       # the names of one list so far
    joined = False                # whether "and" or "or" joins two of them
    acronyms: dict[str, str] = {}
    for document in docs:
        author = next((b.text for b in document.of_kind(BlockKind.AUTHOR)), "")
        for block in document.blocks:
            if block.kind in _UNREAD_KINDS and not (
                    block.kind is BlockKind.HEADING and _BYLINE_LINE.match(block.text)):
                continue
            if _in_capitals(block.text):
                continue    # "LONG LIVE THE INTERNATIONAL!": capitals that tell no name apart
            previous: tuple[str, int] | None = None
            previous_part: Part | None = None
            for occurrence, words in _occurrences(block, author):
                if _junk(words, lowercase) and not occurrence.field_title:
                    previous = None
                    continue
                form = block.text[occurrence.start:occurrence.end]
                key = form_key(form)
                if len(words) == 1 and words[0] in TITLES_OF_PERSONS:
                    continue
                candidate = found.get(key)
                if candidate is None:
                    candidate = found[key] = Candidate(form, EntityKind.PERSON)
                    _form_evidence(candidate, words, lowercase)
                    candidate.german_noun = len(words) == 1 and _german_noun(words[0], german)
                # in German, a word after an article or "im", "zum" is a noun ("im Stich")
                candidate.german_noun = candidate.german_noun or (
                    german and len(words) == 1
                    and bool(_GERMAN_ARTICLE_BEFORE.search(block.text[:occurrence.start])))
                candidate.docs.add(document.name)
                candidate.occurrences.append((block.index, occurrence.start, occurrence.end))
                candidate.initial_only = candidate.initial_only and occurrence.initial
                if occurrence.title:
                    candidate.add(EntityKind.PERSON, WEIGHT_STRONG,
                                  f"title ‘{occurrence.title}’ before it")
                    if occurrence.title not in candidate.titles:
                        candidate.titles.append(occurrence.title)
                plural = (len(words) == 1 and words[0].endswith("s")
                          and not words[0].endswith(("ss", "us", "is")))
                _context_evidence(candidate, block.text, occurrence.start, occurrence.end,
                                  words, plural)
                _block_evidence(candidate, block, occurrence, words)
                gap = block.text[previous[1]:occurrence.start] if previous else ""
                if previous and re.fullmatch(r"\s*\(", gap) and form.isupper() and (
                        block.text[occurrence.end:occurrence.end + 1] == ")"):
                    acronyms[key] = previous[0]   # "Federation of Metalworkers (FIOM)"
                # the parts of a citation are no list ("The Clarion, Leeds, 3 May 1913"),
                # nor a reference's place of publication after its title ("The Miners: Years
                # of Struggle, London 1953")
                imprint = gap.strip() == "," and _PUBLICATION_YEAR.match(
                    block.text[occurrence.end:])
                if previous and occurrence.part == previous_part and not imprint and re.fullmatch(
                        r",\s*|\s+(?:and|or|und)\s+|,\s+(?:and|or)\s+", gap):
                    listing.append(key)
                    joined = joined or gap.strip() != ","
                else:
                    _listed(listing, joined, neighbours)
                    listing, joined = [key], False
                previous, previous_part = (key, occurrence.end), occurrence.part
            _listed(listing, joined, neighbours)
            listing, joined = [], False
    candidates = list(found.values())
    for candidate in candidates:
        _decide(candidate)
    _agree_with_neighbours(found, neighbours)
    _link(found)
    for short, full in acronyms.items():
        main = found.get(full)
        if main is not None and main.status == "accepted" and not found[short].same_as:
            _merge(found[short], found.get(main.same_as, main), "written in brackets after it")
    out = [c for c in candidates if not _dismissed(c, lowercase)]
    return sorted(out, key=lambda c: (-c.count, c.form))


def _citation(block: Block, author: str) -> Citation | None:
    """The reading of a citation field ("Source:", "First Published:") or of a work cited on a
    line of its own, else None."""
    if _field_kind(block) is not EntityKind.TITLE:
        return None
    return read_citation(block.text, author)


def _unnamed_part(label: str) -> str:
    """The part of a speaker's label that names nobody: all of it, but for a name of several
    words in capitals ("MARGARET DUNN:") and what follows it in parentheses."""
    name = label.split("(")[0].rstrip(": ")
    words = name.split()
    if len(words) >= 2 and name.isupper() and words[0] not in _LABEL_OPENINGS:
        return ""
    return name if "(" in label else label


# the first words of a speaker's label in capitals that is no one's name ("A DELEGATE:")
_LABEL_OPENINGS = frozenset({"A", "THE", "ANOTHER", "MR.", "MRS.", "COMRADE"})


def _in_capitals(text: str) -> bool:
    """A block set in capitals throughout, of several words (a slogan, a cry)."""
    return len(text.split()) >= 3 and text.isupper()


def _occurrences(block: Block, author: str = "") -> Iterable[tuple[_Occurrence, list[str]]]:
    text = block.text
    if block.kind is BlockKind.TURN and block.label and text.startswith(block.label):
        # a role's label names nobody ("A. Lloyd George says …" is "Lloyd George"), nor does a
        # name in capitals alone ("WILKES:", "CHAIRMAN:"); a speaker's full name does, and so
        # does what the minutes say of him ("MARGARET DUNN (Leeds Weavers):")
        unnamed = len(_unnamed_part(block.label))
        text = " " * unnamed + text[unnamed:]
    lined = block.kind in LINED_KINDS
    keep_article = block.kind is BlockKind.FIELD and _field_kind(block) is EntityKind.TITLE
    citation = _citation(block, author)
    parts = citation.parts if citation is not None else ()
    level = citation.level if citation is not None else None
    for whole in parts:
        if whole.kind in _WHOLE_PARTS:
            form = text[whole.start:whole.end]
            yield (_Occurrence(block, whole.start, whole.end, False, "", True, whole, level),
                   [_word(w) for w in form.split()])
    taken = [p for p in parts if p.kind in _WHOLE_PARTS | _NAMELESS_PARTS]
    for run in _runs(text, lines_apart=lined):
        run_start = run[0].start()
        for part in _split(list(run)):
            tokens = list(part)
            initial = bool(_SENTENCE_END.search(text[:tokens[0].start()])) and not (
                _ABBREVIATION_END.search(text[:tokens[0].start()]))
            while tokens and (tokens[0].group() in STOPWORDS or tokens[0].group() in CONNECTORS
                              or tokens[0].group() == "the") and not (
                    tokens[0].group() in NAME_ADJECTIVES and len(tokens) > 1
                    and _capitalised(tokens[1].group())):
                if keep_article and tokens[0].group() == "The" and len(tokens) > 1 and (
                        tokens[0].start() == 0 or tokens[0].start() == run_start == 0):
                    break
                if tokens[0].group() in _TITLE_ARTICLES and len(tokens) > 1 and _word(
                        tokens[-1].group()) in TITLE_WORDS | KNOWN_PERIODICALS:
                    break     # the article is the periodical's: "Die Rote Fahne", "Le Temps"
                tokens = tokens[1:]
            title = ""
            rest = {_word(t.group()) for t in tokens[1:]}
            while (len(tokens) > 1 and tokens[0].group() in TITLES_OF_PERSONS
                   and not rest & (ORG_WORDS | PLACE_WORDS | EVENT_WORDS | TITLE_WORDS)):
                title = f"{title} {tokens[0].group()}".strip()
                tokens = tokens[1:]
                rest = {_word(t.group()) for t in tokens[1:]}
            while tokens and (tokens[-1].group() in CONNECTORS or tokens[-1].group() == "the"):
                tokens = tokens[:-1]
            if not tokens:
                continue
            start = tokens[0].start()
            form = re.sub(r"[’']s$", "", text[start:tokens[-1].end()]).rstrip("’'-")
            if form.endswith("’") or form.endswith("'"):
                form = form[:-1]
            end = start + len(form)
            before = text[:start]
            if title and not _ABBREVIATION_END.search(before) and not before.strip():
                pass
            if not title:
                match = re.search(r"(?:^|\s)(" + "|".join(
                    re.escape(t) for t in sorted(TITLES_OF_PERSONS, key=len, reverse=True))
                    + r")\s+$", before)
                if match:
                    title = match.group(1)
            if block.kind is BlockKind.SIGNED and "\n" in before and " " not in form and (
                    text[start:].split("\n")[0].strip() == form):
                continue   # a signer's function on a line of its own ("Secretary")
            if any(p.start <= start < p.end for p in taken):
                continue   # read as a whole, or no name
            if _MENTIONED_BEFORE.search(text[max(0, start - 30):start]) and re.match(
                    r"[\"”’']", text[end:end + 1]):
                continue   # "The German “Arbeiterin” is rendered …": a word, no one's name
            is_initial = initial and start == tokens[0].start() and part[0] is tokens[0]
            words = [_word(w) for w in form.split()]
            within = citation.part_at(start, end) if citation is not None else None
            yield _Occurrence(block, start, end, is_initial, title,
                              keep_article and form.startswith("The "), within, level), words


def names_a_body(line: str) -> bool:
    """Whether the line of a text's author names a body ("Third Congress of the Northern
    Federation of Labour", "Comité de grève des mineurs de Carmaux", "Communist International",
    "Industrial Workers of the World"), not a person: its head noun is a body's or its members',
    and it opens with no given name."""
    words = [word.strip(",.") for word in line.split()]
    if not words or gazetteer.is_first_name(words[0]):
        return False
    head = head_noun(words)
    # or named by its members: "Industrial Workers of the World"
    return head in ORG_WORDS or (head in words and _group_name(words[:words.index(head) + 1]))


def _block_evidence(candidate: Candidate, block: Block, occurrence: _Occurrence,
                    words: list[str]) -> None:
    """Header fields, datelines, signatures, the title page's author."""
    if block.kind is BlockKind.AUTHOR:
        if not names_a_body(block.text):
            candidate.add(EntityKind.PERSON, WEIGHT_STRONG, "the author of the text")
        elif occurrence.start == 0 and occurrence.end == len(block.text.rstrip()):
            candidate.add(EntityKind.ORG, WEIGHT_STRONG, "the body that is the text's author")
        return
    if block.key == LEAD_IN_KEY and occurrence.start < len(block.text.split("\n", 1)[0]):
        return     # "Signed on behalf of the Congress:" says in whose name, not who signs
    if block.kind is BlockKind.SIGNED and not candidate.scores[EntityKind.ORG]:
        # who signs a letter is a person, whatever town has the name ("Vera")
        candidate.add(EntityKind.PERSON, WEIGHT_STRONG, "a signature")
        return
    if block.kind is BlockKind.SALUTE and _ADDRESSED.match(block.text[:occurrence.start]):
        candidate.add(EntityKind.PERSON, WEIGHT_STRONG, "addressed in the salutation")
        return
    field_kind = _field_kind(block)
    if field_kind is None:
        return
    if occurrence.part is not None and occurrence.part.kind is not PartKind.OTHER:
        _citation_evidence(candidate, block, occurrence)
        return
    first = not re.search(r"[A-Z]", block.text[:occurrence.start].replace("The ", ""))
    text = block.text
    if block.kind is BlockKind.DATELINE and first:
        candidate.add(EntityKind.PLACE, WEIGHT_STRONG, "the place of a dateline")
    elif field_kind is EntityKind.PERSON:
        if len(words) > 1 and gazetteer.is_first_name(words[0]):
            # a first name in a field that names people: "revised by Sam Hall" whatever "Hall"
            # heads elsewhere
            candidate.add(EntityKind.PERSON, WEIGHT_HEAD + WEIGHT_STRONG,
                          f"a first name, named in ‘{block.label}’")
        elif len(words) > 1 and not candidate.cue:
            candidate.add(EntityKind.PERSON, WEIGHT_STRONG, f"named in ‘{block.label}’")
    elif field_kind is EntityKind.PLACE:
        if first or not candidate.cue:
            candidate.add(EntityKind.PLACE, WEIGHT_STRONG, f"the place in ‘{block.label}’")
    elif first:
        kind = field_kind
        if kind is EntityKind.TITLE and words[0] in REPOSITORY_WORDS:
            kind = EntityKind.ORG   # "Source: Archive of the … Council, box 14"
        candidate.add(kind, WEIGHT_STRONG + 0.5, f"the subject of ‘{block.label}’")
    if field_kind is EntityKind.TITLE and _PUBLICATION_YEAR.match(text[occurrence.end:]):
        candidate.add(EntityKind.PLACE, WEIGHT_STRONG + 1.0, "the place of an imprint")


def _citation_evidence(candidate: Candidate, block: Block, occurrence: _Occurrence) -> None:
    """What the part of a citation a name stands in says of it (``citations``)."""
    assert occurrence.part is not None
    kind, label = occurrence.part.kind, block.label
    if kind is PartKind.TITLE:
        # what the citation says outweighs a head noun: a book may be called "Literature and
        # Revolution"
        candidate.add(EntityKind.TITLE, WEIGHT_STRONG + 0.5, f"the subject of ‘{label}’")
        if occurrence.level == "m":
            candidate.add(EntityKind.TITLE, WEIGHT_MEDIUM + 1.0,
                          f"{BOOK_TITLE} (cited with its publisher, imprint or translator)")
        elif occurrence.level == "j":
            candidate.add(EntityKind.TITLE, WEIGHT_MEDIUM + 1.0,
                          "a periodical (cited with an issue or a day)")
    elif kind is PartKind.AUTHOR:
        candidate.add(EntityKind.PERSON, WEIGHT_STRONG, f"the author cited in ‘{label}’")
    elif kind is PartKind.RESPONSIBILITY:
        candidate.add(EntityKind.PERSON, WEIGHT_STRONG,
                      f"the {occurrence.part.role or 'translator or editor'} in ‘{label}’")
    elif kind is PartKind.PUBLISHER:
        candidate.add(EntityKind.ORG, WEIGHT_HEAD, f"the publisher in ‘{label}’")
    elif kind is PartKind.PLACE:
        candidate.add(EntityKind.PLACE, WEIGHT_STRONG + 1.0, "the place of an imprint")


def _decide(candidate: Candidate) -> None:
    ranked = candidate.ranked()
    if not ranked:
        candidate.status, candidate.confidence = "review", 0.0
        return
    kind, best = ranked[0]
    total = sum(v for _, v in ranked)
    share = best / total if total else 0.0
    candidate.kind = kind
    candidate.confidence = round(share * min(1.0, best / WEIGHT_STRONG), 2)
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    accepted = best >= ACCEPT and (share >= SHARE or best >= MARGIN * second)
    if candidate.german_noun and best < WEIGHT_MEDIUM + 1.0:
        accepted = False
    candidate.status = "accepted" if accepted else "review"


def _listed(names: list[str], joined: bool, neighbours: dict[str, set[str]]) -> None:
    """Record the names of one list as each other's neighbours. Two names parted by a comma
    alone are no list but one said of the other ("the chairman of the union, Alexander
    Schlicke"); three so parted, or two with "and", are."""
    if len(names) < 2 or (len(names) == 2 and not joined):
        return
    for before, after in pairwise(names):
        neighbours[after].add(before)
        neighbours[before].add(after)


def _agree_with_neighbours(found: dict[str, Candidate], neighbours: dict[str, set[str]]) -> None:
    """Names in one list share a kind: "from Samara and Syzran", "Lenin, Stalin, Sverdlov"."""
    decided = {key: c.kind for key, c in found.items() if c.status == "accepted"}
    for key, others in neighbours.items():
        candidate = found[key]
        kinds = [decided[other] for other in others if other in decided]
        for kind in kinds:
            candidate.add(kind, WEIGHT_MEDIUM, "listed with names of this kind")
        if kinds:
            _decide(candidate)


def _link(found: dict[str, Candidate]) -> None:
    """Surnames, initials and acronyms are other forms of a name found in full."""
    people = [c for c in found.values() if c.kind is EntityKind.PERSON and c.status == "accepted"
              and len(c.form.split()) > 1]
    by_surname: dict[str, list[Candidate]] = defaultdict(list)
    for person in people:
        by_surname[_word(person.form.split()[-1])].append(person)
    for candidate in found.values():
        words = candidate.form.split()
        if len(words) == 1 and max(candidate.scores.get(k, 0.0) for k in (
                EntityKind.ORG, EntityKind.TITLE, EntityKind.EVENT)) < WEIGHT_STRONG:
            full = _distinct(by_surname.get(_word(words[0]), []))
            # a place the gazetteer alone says it is ("Hale", a town) is the surname of the
            # one person of the text so named ("Tom Hale"); words around it keep it a place
            settled = (candidate.status == "accepted" and candidate.kind is not EntityKind.PERSON
                       and candidate.scores.get(EntityKind.PERSON, 0.0) <= 0
                       and candidate.scores.get(candidate.kind, 0.0) > _GAZETTEER_ALONE)
            if len(full) == 1 and full[0] is not candidate and not settled:
                _merge(candidate, full[0], "the surname of a name found in full")
        elif len(words) > 1 and _INITIALS.match(" ".join(words[:-1]) + " "):
            full = [p for p in _distinct(by_surname.get(_word(words[-1]), []))
                    if p is not candidate and not _INITIALS.match(p.form.split()[0] + " ")
                    and [w[0] for w in p.form.split()[:-1]] == [w[0] for w in words[:-1]]]
            if len(full) == 1:
                _merge(candidate, full[0], "initials of a name found in full")
    for candidate in found.values():
        # "LAWRENCE, Mass." in a newspaper's dateline is the "Lawrence" of the text
        if candidate.form.isupper() and not candidate.same_as:
            titled = found.get(form_key(" ".join(w.capitalize() for w in candidate.form.split())))
            if titled is not None and titled is not candidate and titled.status == "accepted":
                _merge(candidate, found.get(titled.same_as, titled), "the same name in capitals")
    orgs = [c for c in found.values() if c.kind is EntityKind.ORG and len(c.form.split()) > 2]
    for candidate in found.values():
        form = candidate.form
        letters = form.replace(".", "")
        if _ACRONYM.fullmatch(form) and letters.isalpha():
            spelled = [o for o in orgs if "".join(
                w[0] for w in o.form.split() if w[0].isupper()) == letters]
            if len(spelled) == 1:
                _merge(candidate, spelled[0], "the initials of a name found in full")


def _distinct(candidates: list[Candidate]) -> list[Candidate]:
    return [c for c in candidates if not c.same_as]


def _merge(candidate: Candidate, main: Candidate, reason: str) -> None:
    candidate.same_as = main.key
    candidate.kind = main.kind
    candidate.status = "accepted"
    candidate.confidence = max(candidate.confidence, main.confidence)
    candidate.add(main.kind, 0.0, f"{reason} (‘{form_key(main.form)}’)")


def _dismissed(candidate: Candidate, lowercase: set[str]) -> bool:
    """A word that only opens sentences, has no evidence and is an ordinary word otherwise."""
    if candidate.status == "accepted":
        return False
    if candidate.german_noun:
        return True
    words = candidate.form.split()
    if candidate.initial_only and (len(words) == 1 or not candidate.ranked()):
        return words[0].lower() in lowercase or not candidate.ranked()
    return False


def candidates_not_in(candidates: Iterable[Candidate], register: Register) -> list[Candidate]:
    """Candidates whose form no register entry has (names the register does not know)."""
    known = {form_key(form) for form in register.forms()}
    return [c for c in candidates if form_key(c.form) not in known]
