"""Money as news, financial, travel and booking copy writes it (issue 12): one table of forms per class.

Every sentence here is our own, written from CLDR's symbols and names (babel) and from the way news
style guides (AP, Reuters, The Guardian) write sums: `US$1.2bn`, `£1.5m`, `Rs 5 crore`, `310p`.
Each case is (text, amount, currency[, qualifier]): the text holds exactly that one sum. The rules
behind the choices are in docs/claims.md (amount).
"""

from __future__ import annotations

import pytest

from factcheck.extractors.amount import extract
from factcheck.extractors.base import Options
from factcheck.models import Claim, Qualifier
from factcheck.text import Document

E, A, GT, GE, LT, LE, R = (Qualifier.EXACT, Qualifier.APPROX, Qualifier.GT, Qualifier.GE, Qualifier.LT,
                           Qualifier.LE, Qualifier.RANGE)


def amounts(text: str, **options: object) -> list[Claim]:
    return list(extract(Document(text), Options(**options)))  # type: ignore[arg-type]


# --- dollars (and pesos) of other countries: letters before the sign, any case, with or without a space ---
DOLLARS = [
    ("Cathay Pacific posted a first-half profit of HK$ 3.2 billion.", 3.2e9, "HKD"),
    ("the carrier lost hk $ 3.2 billion over the half", 3.2e9, "HKD"),
    ("The lender's shares closed at C$7.80 in Toronto.", 7.8, "CAD"),
    ("a dozen eggs now cost c $ 7.80 at the farm stand", 7.8, "CAD"),
    ("Qantas booked an underlying profit of A$2.47 billion.", 2.47e9, "AUD"),
    ("The hostel in Queenstown charges nzd$ 40 a night.", 40, "NZD"),
    ("Fonterra lifted its forecast milk price to NZ$8.50 a kilo.", 8.5, "NZD"),
    ("DBS set aside S$200 million for bad loans.", 2e8, "SGD"),
    ("Street tacos in Oaxaca sell for Mex$ 25 each.", 25, "MXN"),
    ("Petrobras earned R$ 38 billion in the quarter.", 3.8e10, "BRL"),
    ("Rio Tinto will pay US$ 2.1bn for the lithium miner.", 2.1e9, "USD"),
    ("TSMC plans to invest NT$1 trillion in new fabs.", 1e12, "TWD"),
    ("A day pass on the ferry is AU$ 15.", 15, "AUD"),
    ("Maple syrup rose to CA$ 4.99 a can.", 4.99, "CAD"),
    ("The lodge quoted Can$189 a night for two.", 189, "CAD"),
    ("Hawker meals start at SGD$ 4.50.", 4.5, "SGD"),
    ("A route taxi from Half Way Tree costs J$ 150.", 150, "JMD"),
    ("The fast ferry to Nevis is EC$ 60 return.", 60, "XCD"),
    ("The beach villa rents for Bds$ 900 a week.", 900, "BBD"),
    ("the fare came to us$ 20 with tip", 20, "USD"),
    ("The vendor asked mx$ 300 for the rug.", 300, "MXN"),
    ("Tickets for the Taipei concert sold at nt$ 2,800.", 2800, "TWD"),
    ("In Santo Domingo a beer costs RD$ 150.", 150, "DOP"),
    ("The shuttle from the airport is FJ$ 25 each way.", 25, "FJD"),
    ("Aus$3.5 billion was set aside for the scheme.", 3.5e9, "AUD"),
    ("The bond raised NZ $ 500 million.", 5e8, "NZD"),
    ("A cocktail at the resort is U.S. $ 14.", 14, "USD"),
    ("Its market value passed US$1.2bn on Friday.", 1.2e9, "USD"),
    # the same convention for the other shared signs, the pound's and the yen's
    ("A Nile cruise costs E£ 2,400 a night.", 2400, "EGP"),
    ("A manoushe in Beirut is LB£ 90,000.", 9e4, "LBP"),
    ("Exports reached CN¥ 5 billion.", 5e9, "CNY"),
    ("Nintendo earned JP¥ 400 billion.", 4e11, "JPY"),
    ("The Cairo metro fare is 20 eg pounds.", 20, "EGP"),
    # a plain sign is the default currency; English words before it are no prefix
    ("A $5 fee applies to every booking.", 5, "USD"),
    ("They gave us $50 for the trip.", 50, "USD"),
    ("The ticket was $12.50.", 12.5, "USD"),
    ("The Model S $80,000 price tag put buyers off.", 8e4, "USD"),    # a model's letter, not Singapore's
    ("Drivers pay S $ 40 for the congestion pass.", 40, "SGD"),
]

# --- sub-units, read in the main unit: ratio from the currency's minor-unit digits ---
SUBUNITS = [
    ("BP shares rose to 310 pence in early trading.", 3.10, "GBP"),
    ("Petrol fell 18.5 cents a gallon this week.", 0.185, "USD"),
    ("The board declared a 7-cent-a-share dividend.", 0.07, "USD"),
    ("She found two pennies under the sofa.", 0.02, "USD"),
    ("A chocolate bar now costs 99p at the corner shop.", 0.99, "GBP"),
    ("Lemonade, 50¢ a cup.", 0.5, "USD"),
    ("A first-class stamp goes up by 12.5p.", 0.125, "GBP"),
    ("A postcard stamp costs 85 euro cents.", 0.85, "EUR"),
    ("The Aussie gained 1.2 US cents overnight.", 0.012, "USD"),
    ("Kiwi growers earn 40 Australian cents a tray more.", 0.4, "AUD"),
    ("A cup of chai costs 50 paise more.", 0.5, "INR"),
    ("A loaf in Omsk went up 20 kopecks.", 0.2, "RUB"),
    ("A bus ticket in Kyiv rose by 50 kopiyok.", 0.5, "UAH"),
    ("Shares slipped twenty-five cents.", 0.25, "USD"),
    ("Oh, a penny!", 0.01, "USD"),
    ("It came to 3 GBP 1 pence.", 3.01, "GBP"),
    ("A roll costs 60 groszy.", 0.6, "PLN"),
    ("Vending machines charge 25 USD cents more.", 0.25, "USD"),
]

# --- word order and scales ---
SCALES = [
    ("The lender booked 30 EUR million in fees.", 3e7, "EUR"),
    ("Kenya raised USD 50 million from the issue.", 5e7, "USD"),
    ("The fund is worth 50 million USD.", 5e7, "USD"),
    ("The start-up raised 12.5 mUSD in its first round.", 1.25e7, "USD"),
    ("Restructuring costs of 300 kEUR were booked.", 3e5, "EUR"),
    ("Uber lost $3bn last year.", 3e9, "USD"),
    ("Siemens won a €2.5bn train order.", 2.5e9, "EUR"),
    ("The state allotted Rs 5 crore to the temple.", 5e7, "INR"),
    ("The builder was fined 8 lakh rupees.", 8e5, "INR"),
    ("The flat sold for 3,45,678.50 rupees.", 345678.5, "INR"),
    ("The Centre set aside ₹1.5 lakh crore for highways.", 1.5e12, "INR"),
    ("The scheme will cost Rs 2 thousand crore.", 2e10, "INR"),
    ("Quarterly profit rose to Rs 500 cr.", 5e9, "INR"),
    ("The IPO raised ₹1,200 cr from anchor investors.", 1.2e10, "INR"),
    ("The plan's outlay is Rs 5 lakh cr.", 5e12, "INR"),
    ("A one-bedroom flat goes for Rs 45,00,000 in Pune.", 4.5e6, "INR"),
    ("Kenya priced a USD 1.2 bln Eurobond.", 1.2e9, "USD"),
    ("The bank lent EUR 500 mln to the utility.", 5e8, "EUR"),
    ("The club's debt stands at £1.5m.", 1.5e6, "GBP"),
    ("A return flight costs € 30 with the budget carrier.", 30, "EUR"),
    ("The room is EUR30 a night off-season.", 30, "EUR"),
    ("US federal debt topped $1.2 trillion in interest alone.", 1.2e12, "USD"),
    ("The bloc's budget reached 1.2tn euros.", 1.2e12, "EUR"),
    ("Sony's sales reached ¥1.2tn.", 1.2e12, "JPY"),
    ("Nestlé paid CHF 2.5m to settle.", 2.5e6, "CHF"),
    ("Volvo raised SEK 3bn in new equity.", 3e9, "SEK"),
    ("Volvo raised 3bn kronor in new equity.", 3e9, "SEK"),
    ("The job pays a £30k salary.", 3e4, "GBP"),
    ("He spent $5k on the watch.", 5e3, "USD"),
    ("He spent 5 grand on the watch.", 5e3, "USD"),
    ("The lottery paid out a quarter of a million dollars.", 2.5e5, "USD"),
    ("Brussels set aside half a billion euros.", 5e8, "EUR"),
    ("The council spent three quarters of a billion pounds.", 7.5e8, "GBP"),
    ("The bank took a $5.5 bn charge.", 5.5e9, "USD"),
    ("ADNOC SIGNS $5 BN GAS DEAL", 5e9, "USD"),                   # a headline in capitals
    ("The group raised $2.5 Bn in bonds.", 2.5e9, "USD"),
    ("Capex reached USD 40 MN.", 4e7, "USD"),
    ("The German unit booked costs of €2 Mio.", 2e6, "EUR"),
    ("The fund drew $300 Mln.", 3e8, "USD"),
    ("The deal is worth 5.5 billion US dollars.", 5.5e9, "USD"),
    ("They settled for twenty-five thousand dollars.", 2.5e4, "USD"),
    ("The yacht sold for one point two billion dollars.", 1.2e9, "USD"),
    ("The estate was valued at nine hundred and ninety-nine thousand dollars.", 999e3, "USD"),
    ("The jury awarded two million, five hundred thousand dollars.", 2.5e6, "USD"),
    ("The mansion sold for 2½ million dollars.", 2.5e6, "USD"),
    ("The fund has $¾ billion left.", 7.5e8, "USD"),
    ("The rebuild cost one and a half million pounds.", 1.5e6, "GBP"),
    ("The gala raised twelve hundred dollars.", 1200, "USD"),
    ("The repair cost 5 hundred dollars.", 500, "USD"),
    ("Britain borrowed 100 thousand million pounds.", 1e11, "GBP"),
    ("Ottawa announced a $1.5-billion housing fund.", 1.5e9, "USD"),
    ("The firm bought 2 billion dollars' worth of bonds.", 2e9, "USD"),
    ("Seed funding was €5K.", 5e3, "EUR"),
    ("The desk booked $5.5MM in fees.", 5.5e6, "USD"),
    ("Australia's miners sold it for $US5 million.", 5e6, "USD"),
    ("Exports reached 7 billion US$.", 7e9, "USD"),
    ("A thali costs Rs.500 in Mumbai.", 500, "INR"),
    ("The fine was Rs.1,500.50.", 1500.5, "INR"),
    ("A jeepney ride is ₱13.", 13, "PHP"),
    ("A simit costs ₺15.", 15, "TRY"),
    ("A suya wrap costs ₦2,000.", 2000, "NGN"),
    ("Toyota booked a billion yen in charges.", 1e9, "JPY"),
    ("He won four and a half million euros.", 4.5e6, "EUR"),
    ("The painting fetched a hundred pounds.", 100, "GBP"),
    ("The trip cost 1.500 euros.", 1500, "EUR"),
    ("A dinner in Prague is 950 Kč.", 950, "CZK"),
    ("Bread costs 4,50 zł in Kraków.", 4.5, "PLN"),
]

# --- qualifiers, ranges and signs ---
BOUNDS = [
    ("Analysts expect $3-4 billion in writedowns.", 3e9, "USD", R),
    ("The house should fetch between £2m and £3m.", 2e6, "GBP", R),
    ("The plant will cost €1-2bn.", 1e9, "EUR", R),
    ("The project costs $10-12 million.", 1e7, "USD", R),
    ("The tender is worth 30-40 EUR million.", 3e7, "EUR", R),
    ("The fund lost more than $1.2bn.", 1.2e9, "USD", GT),
    ("The loan is up to €300m.", 3e8, "EUR", LE),
    ("The repairs cost about 5 million pounds.", 5e6, "GBP", A),
    ("The metro line cost nearly ₹2,000 crore.", 2e10, "INR", A),
    ("Rooms cost at least 40 euros a night.", 40, "EUR", GE),
    ("The unit's result was minus $5 million.", -5e6, "USD", E),
    ("Operating profit came in at -€5m.", -5e6, "EUR", E),
    ("Fares start from under £20.", 20, "GBP", LT),
    ("The hoard was worth c. $5bn.", 5e9, "USD", A),          # circa, not a Canadian dollar
    ("Homes in the area now sell for $1m+.", 1e6, "USD", GT),
    ("The deal is worth ~€3bn.", 3e9, "EUR", A),
    ("Bread went up 5-10 cents a loaf.", 0.05, "USD", R),
    ("A stamp will cost between 5 and 10 pence more.", 0.05, "GBP", R),
    ("The tip is 3 to 4 euro cents a litre.", 0.03, "EUR", R),
    ("Shares rose more than 50 cents.", 0.5, "USD", GT),
]

# --- names: plurals and lower case, from CLDR's plural forms in every English locale ---
NAMES = [
    ("The driver asked for 500 rupees.", 500, "INR"),
    ("A coconut on the beach costs 20 reais.", 20, "BRL"),
    ("The taxi was 300 pesos.", 300, "MXN"),
    ("The dumplings cost 50 yuan.", 50, "CNY"),
    ("Entry to the park is 100 rand.", 100, "ZAR"),
    ("A tram ticket is 30 zlotys for the day.", 30, "PLN"),
    ("A pierogi lunch costs 2 złoty more.", 2, "PLN"),
    ("The fare is 2,000 naira.", 2000, "NGN"),
    ("A falafel is 25 shekels.", 25, "ILS"),
    ("A dinner costs 1,000 hryvnias.", 1000, "UAH"),
    ("The massage was 40 ringgit.", 40, "MYR"),
    ("A tuk-tuk ride costs 500 baht.", 500, "THB"),
    ("The souk trader asked 200 dirhams.", 200, "AED"),
    ("The ferry is 100 Norwegian kroner.", 100, "NOK"),
    ("A museum pass is 300 Swedish kronor.", 300, "SEK"),
    ("A goulash is 3,500 forints.", 3500, "HUF"),
    ("A bowl of noodles is 10,000 won.", 10000, "KRW"),
    ("The kebab was 100 Turkish lira.", 100, "TRY"),
    ("A coffee is 25,000 rupiah.", 25000, "IDR"),
    ("A bowl of pho is 50,000 dong.", 50000, "VND"),
    ("The guide charges 20 pula.", 20, "BWP"),
    ("The rickshaw was 500 taka.", 500, "BDT"),
    ("A plate of jollof is 40 cedis.", 40, "GHS"),
    ("The matatu fare is 100 Kenyan shillings.", 100, "KES"),
    ("The mayor was fined 5 million Philippine pesos.", 5e6, "PHP"),
    ("A felucca ride is 100 Egyptian pounds.", 100, "EGP"),
    ("The chai costs 500 Pakistani rupees.", 500, "PKR"),
    ("They paid 10 Kuwaiti dinars.", 10, "KWD"),
    ("The dinner came to 100 Euros.", 100, "EUR"),
    ("He borrowed ten bucks.", 10, "USD"),
    ("He owes me 5 quid.", 5, "GBP"),
    ("A chicken bus ride is 50 quetzales.", 50, "GTQ"),
    ("A casado costs 5,000 colones.", 5000, "CRC"),
    ("The canopy tour was 500 cordobas.", 500, "NIO"),
    ("A hot spring bath is 1,500 kronur.", 1500, "ISK"),
    ("The club paid 80 million Swiss francs.", 8e7, "CHF"),
    ("A dim sum lunch is 2000 hk dollars for ten.", 2000, "HKD"),
    ("Wool fetched 50 NZ dollars a bale.", 50, "NZD"),
    ("Miners earned 3 billion Aussie dollars.", 3e9, "AUD"),
    ("The toll is 45 Hong Kong cents more.", 0.45, "HKD"),
    ("A beer in Brno is 60 Czech crowns.", 60, "CZK"),
    ("A fika costs 45 Swedish crowns.", 45, "SEK"),
    ("A kimchi stew is 9,000 Korean won.", 9000, "KRW"),
    ("The desert safari is 250 Emirati dirhams.", 250, "AED"),
    ("The invoice says usd 1,250.", 1250, "USD"),
    ("A coffee costs 180 Chilean pesos more.", 180, "CLP"),
    ("The refund was 100 GBP.", 100, "GBP"),
    ("Gazprom earned 5 trillion roubles.", 5e12, "RUB"),
    ("The statue cost 200 million Hong Kong dollars.", 2e8, "HKD"),
    ("Ottawa committed 3 billion Canadian dollars.", 3e9, "CAD"),
    ("A snack is 10 Brazilian reais.", 10, "BRL"),
    # compounds of a unit and its hundredths
    ("The toll was three dollars and ten cents.", 3.10, "USD"),
    ("The hot dog was 2 dollars 50.", 2.5, "USD"),
    ("The pint cost five pounds fifty.", 5.5, "GBP"),
    ("The menu is twenty euros and fifty cents.", 20.5, "EUR"),
    ("It came to 2 dollars and 50 cents.", 2.5, "USD"),
    ("Change of $20 and 43 cents was due.", 20.43, "USD"),
    ("A coffee used to cost a dollar fifty.", 1.5, "USD"),
    ("The bus was a pound 20.", 1.2, "GBP"),
    ("Towels cost 5 dollars 99.", 5.99, "USD"),
    ("Pickers earn 15 dollars/hour.", 15, "USD"),
    ("Rent is 800 euros/month in Porto.", 800, "EUR"),
]

CASES = [(*case, E) if len(case) == 3 else case for case in DOLLARS + SUBUNITS + SCALES + NAMES + BOUNDS]


@pytest.mark.parametrize(("text", "amount", "currency", "qualifier"), CASES, ids=[c[0][:60] for c in CASES])
def test_reads_the_sum(text: str, amount: float, currency: str | None, qualifier: Qualifier) -> None:
    found = amounts(text)
    assert len(found) == 1, [(c.text, c.value.amount, c.value.currency) for c in found]
    value = found[0].value
    assert value.amount == pytest.approx(amount, rel=1e-9)
    assert value.currency == currency
    assert value.qualifier == qualifier


# --- several sums in one text, in order: (amount, currency) ---
SEVERAL = [
    ("Barclays fell 4p to 180p.", [(0.04, "GBP"), (1.8, "GBP")]),
    ("The euro rose 0.4 cents to $1.0850.", [(0.004, "USD"), (1.085, "USD")]),
    ("Fares rose 12 cents in Dublin, where a single now costs €2.40.", [(0.12, "EUR"), (2.4, "EUR")]),
    ("The peg holds near $1 = 7.8 HK dollars.", [(1, "USD"), (7.8, "HKD")]),
    ("A flat white is C$5.25 in Vancouver and A$4.80 in Sydney.", [(5.25, "CAD"), (4.8, "AUD")]),
    ("Tickets cost HK$ 480 or about US$ 61.", [(480, "HKD"), (61, "USD")]),
    ("The rate was €4bn ($4.3bn) at the time.", [(4e9, "EUR"), (4.3e9, "USD")]),
    ("Shares fell $4 to $180 in New York.", [(4, "USD"), (180, "USD")]),   # a change, then the level
    ("Shares gained 12 cents to $4.50.", [(0.12, "USD"), (4.5, "USD")]),
    # a stop between the sums: the cents look no further than their sentence
    ("Petrol rose 3 cents. In Paris a litre is €1.90.", [(0.03, "USD"), (1.9, "EUR")]),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL, ids=[c[0][:60] for c in SEVERAL])
def test_reads_each_sum(text: str, expected: list[tuple[float, str]]) -> None:
    found = [(c.value.amount, c.value.currency) for c in amounts(text)]
    assert len(found) == len(expected), found
    for (amount, currency), (want, want_currency) in zip(found, expected):
        assert amount == pytest.approx(want, rel=1e-9)
        assert currency == want_currency


# --- the default currency: a bare sign and cents with no currency nearby ---
DEFAULTS = [
    ("The ticket was $12.50.", "CAD", 12.5, "CAD"),
    ("Petrol fell 18.5 cents a litre.", "EUR", 0.185, "EUR"),
    ("Petrol fell 18.5 cents a litre.", "AUD", 0.185, "AUD"),
    ("Bread went up 5 pence.", "EUR", 0.05, "GBP"),          # pence are sterling whatever the default
    ("He borrowed ten bucks.", "CAD", 10, "CAD"),
    ("A stamp is 85 euro cents.", "USD", 0.85, "EUR"),
    ("The fare is HK$ 12.", "AUD", 12, "HKD"),
]


@pytest.mark.parametrize(("text", "default", "amount", "currency"), DEFAULTS)
def test_the_default_currency_fills_in_only_what_the_text_leaves_open(
    text: str, default: str, amount: float, currency: str
) -> None:
    [claim] = amounts(text, default_currency=default)
    assert claim.value.amount == pytest.approx(amount)
    assert claim.value.currency == currency


# --- a sum whose currency the text does not name: the amount, and no currency ---
UNNAMED = [
    ("The fare is 30 centavos more.", 0.3),          # a sub-unit of some peso, real or sol
    ("The fare is 50 sen.", 0.5),
    ("The voucher is worth XQ$40.", 40),            # letters run into the sign that name no currency
    ("The token sold for XQ£ 12.", 12),
    ("The stall asked 500 ﷼ for the rug.", 500),    # the rial sign: rials and riyals of several countries
    ("An old price tag read 20 ₣.", 20),            # the franc sign: which franc, it does not say
]


@pytest.mark.parametrize(("text", "amount"), UNNAMED)
def test_no_currency_is_reported_that_the_text_does_not_name(text: str, amount: float) -> None:
    [claim] = amounts(text)
    assert claim.value.amount == pytest.approx(amount)
    assert claim.value.currency is None


# --- not money ---
NOT_MONEY = [
    "He weighs 200 pounds.",
    "The boxer weighed in at 147 pounds on Friday.",
    "She is 30 pounds heavier than last year.",
    "They roasted a 15-pound turkey.",
    "The team signed a 300-pound linebacker.",
    "He bought 200 pounds of potatoes.",
    "The town has 250 dollar millionaires.",
    "She opened the Pound Shop on the high street.",
    "Pound for pound, he is the best fighter alive.",
    "Euro 2024 kicks off in Munich.",
    "The side won 3 games in a row.",
    "Stream it in 1080p or 720p.",
    "The rapper 50 Cent performed.",
    "Twenty euro zone countries signed.",
    "She ran a 5k race on Sunday.",
    "5 million people watched the final.",
    "Prices rose 10 percent.",
    "The dollar rose 2% against the yen.",
    "The price is 30,-",
    "The F-35 fleet was grounded.",
    "The S500 sedan sold well.",
    "Use 3 colons in the heading.",
    "Mix 1/2 million cells per well.",
    "The town of two million, five hundred people.",
    "They faced a dollar shortage.",
    "He took a 500 cr loan.",
    "The repairs cost a few hundred dollars.",
    "The ticket cost several thousand euros.",
    "The fraud netted tens of millions of dollars.",
    "They ranked the top 5 firms.",
    "All 12 members voted.",
    "We try 3 times a week.",
    "A quarter of the staff left.",
    "The euro and the pound both fell.",
    "He scored 12 points in 3 minutes.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_not_money(text: str) -> None:
    assert [(c.text, c.value.amount, c.value.currency) for c in amounts(text)] == []


