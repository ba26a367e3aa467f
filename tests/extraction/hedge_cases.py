"""An annotated set of sentences for the hedge pass (issue 13), written for these tests.

Each case: the language, the text, and for each claim it must hold (found by a fragment of
its content) the hedges a reader sees in the article. ``miss`` names the cases the extractor
gets wrong today, with the reason: the test checks they still come out as described, so a
change that fixes (or breaks) one shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field

C, AL, UN, AN, AT = "conditional", "allegedly", "unverified", "anonymous", "attributed"


@dataclass(frozen=True)
class Case:
    lang: str
    text: str
    expected: dict[str, tuple[str, ...]]  # content fragment -> hedges, in HEDGES order
    # content fragment -> what the extractor reports instead, and why (known misses)
    miss: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)


CASES = [
    # ---- French: the reportative conditional
    Case(
        "fr",
        "La Russie aurait demandé à l'Iran de livrer des drones, selon le Wall Street Journal.",
        {"La Russie aurait demandé": (C, AT)},
    ),
    Case(
        "fr",
        "Selon des sources proches du dossier, le ministre serait sur le départ.",
        {"le ministre serait sur le départ": (C, AN, AT)},
    ),
    Case(
        "fr",
        "Le Monde, citant trois diplomates, rapporte que Moscou aurait livré des "
        "missiles à Téhéran.",
        {"Moscou aurait livré": (C, AN, AT)},
    ),
    Case(
        "fr",
        "Le gouvernement affirme que les rebelles auraient utilisé des armes chimiques.",
        {"les rebelles auraient utilisé": (C,)},
    ),
    Case(
        "fr",
        "L'armée aurait bombardé un hôpital, affirme l'ONG.",
        {"L'armée aurait bombardé": (C,)},
    ),
    Case(
        "fr",
        "Trois soldats auraient été tués dans l'attaque, a annoncé l'armée.",
        {"Trois soldats auraient été tués": (C,)},
    ),
    Case(
        "fr",
        "Le présumé meurtrier aurait quitté le pays, a indiqué la police.",
        {"aurait quitté le pays": (C, AL)},
    ),
    # traps: a conditional that is no hedge
    Case(
        "fr",
        "Le président a déclaré que la réforme serait adoptée en mars.",
        {"la réforme serait adoptée": ()},
    ),  # future in the past
    Case(
        "fr",
        "La présidente de la région a annoncé que les travaux commenceraient en juin.",
        {"les travaux commenceraient": ()},
    ),
    Case(
        "fr",
        "Le maire a expliqué que si l'État ne payait pas, il fermerait l'école.",
        {"il fermerait l'école": ()},
    ),  # a condition
    Case(
        "fr",
        "« Nous pourrions signer l'accord dès demain », a estimé le négociateur.",
        {"Nous pourrions signer": ()},
    ),  # a modal: possibility
    Case(
        "fr",
        "Le président a déclaré au journal Le Monde que la France ne reculerait pas.",
        {"la France ne reculerait pas": ()},
    ),  # told to an outlet: no hedge word
    Case(
        "fr",
        "« Il serait souhaitable de revoir entièrement le texte », a déclaré la rapporteure.",
        {"Il serait souhaitable": ()},  # a direct quote: the speaker's own mood
    ),
    # ---- French: bare
    Case(
        "fr",
        "La ministre a affirmé que les chiffres publiés étaient faux.",
        {"les chiffres publiés étaient faux": ()},
    ),
    Case(
        "fr",
        "« Nous ne céderons pas », a déclaré la Première ministre.",
        {"Nous ne céderons pas": ()},
    ),
    Case(
        "fr",
        "« C'est une victoire pour tous », a lancé le capitaine de l'équipe.",
        {"C'est une victoire pour tous": ()},
    ),
    Case(
        "fr",
        "Le ministre de l'Intérieur a démenti que des policiers aient frappé des manifestants.",
        {"des policiers aient frappé": ()},
    ),
    # ---- French: attributed, allegedly, anonymous
    Case(
        "fr",
        "D'après l'agence Reuters, l'armée a tiré sur la foule.",
        {"l'armée a tiré sur la foule": (AT,)},
    ),
    Case(
        "fr",
        "Selon le ministre, la croissance atteindra 2 % l'an prochain.",
        {"la croissance atteindra": (AT,)},
    ),
    Case(
        "fr",
        "Selon Le Figaro, le Premier ministre a confié à ses proches qu'il quitterait "
        "bientôt ses fonctions.",
        {"il quitterait bientôt": (AT,)},
    ),
    Case(
        "fr",
        "Des sources proches de l'enquête, citées par Le Parisien, affirment que le "
        "corps a été retrouvé.",
        {"le corps a été retrouvé": (AN, AT)},
    ),
    Case(
        "fr",
        "Selon la presse locale, le soi-disant général aurait fui vers le nord.",
        {"aurait fui vers le nord": (C, AL, AT)},
    ),
    Case(
        "fr",
        "Le prétendu complot a été inventé de toutes pièces, a déclaré le porte-parole.",
        {"complot a été inventé": (AL,)},
    ),
    Case(
        "fr",
        "Un responsable sous couvert d'anonymat a indiqué que les négociations "
        "reprendraient lundi.",
        {"les négociations reprendraient": (AN,)},
    ),
    # ---- French: unverified, same and next sentence
    Case(
        "fr",
        "Le porte-parole du parquet a indiqué que le suspect avait avoué. L'AFP n'a pas "
        "pu vérifier cette information de source indépendante.",
        {"le suspect avait avoué": (UN,)},
    ),
    Case(
        "fr",
        "Le chef de l'opposition a dit que le scrutin avait été truqué, ce que nous "
        "n'avons pas pu vérifier.",
        {"le scrutin avait été truqué": (UN,)},
        miss={
            "le scrutin avait été truqué": (
                (),
                "the content runs on over the relative "
                "« ce que nous n'avons pas pu vérifier », "
                "read as the speaker's words",
            )
        },
    ),
    Case(
        "fr",
        "L'ONG affirme que quarante civils ont été tués. Il est impossible de vérifier "
        "ces chiffres de source indépendante.",
        {"quarante civils ont été tués": (UN,)},
    ),
    Case(
        "fr",
        "Les rebelles ont affirmé avoir abattu un hélicoptère, une information non "
        "confirmée par l'armée.",
        {"abattu un hélicoptère": (UN,)},
    ),
    # traps: a hedge that belongs to another claim
    Case(
        "fr",
        "Selon la police, le suspect aurait fui. Le maire a déclaré que l'école rouvrira lundi.",
        {"le suspect aurait fui": (C, AT), "l'école rouvrira lundi": ()},
    ),
    Case(
        "fr",
        "Selon la police, le suspect aurait fui ; le maire, lui, a assuré que l'école "
        "rouvrira lundi.",
        {"le suspect aurait fui": (C, AT), "l'école rouvrira lundi": ()},
    ),
    Case(
        "fr",
        "Le ministre a affirmé que l'usine fermera.\n\nL'AFP n'a pas pu vérifier les "
        "images publiées par l'opposition.",
        {"l'usine fermera": ()},
    ),  # another paragraph
    Case(
        "fr",
        "Le suspect aurait, selon la police, avoué les faits.",
        {"avoué les faits": (C, AT)},
        miss={
            "avoué les faits": (
                (AT,),
                "the content starts after the aside, without its auxiliary « aurait »",
            )
        },
    ),
    # ---- English
    Case(
        "en",
        "Russia asked Iran to supply drones, according to the Wall Street Journal.",
        {"Russia asked Iran": (AT,)},
    ),
    Case(
        "en",
        "According to sources close to the investigation, the gunman had planned the "
        "attack for months.",
        {"the gunman had planned": (AN, AT)},
    ),
    Case(
        "en",
        "Reuters, citing three people familiar with the matter, reported that the bank "
        "would cut 2,000 jobs.",
        {"the bank would cut": (AN, AT)},
    ),
    Case(
        "en",
        "The president, quoted by the Financial Times, said the deal was dead.",
        {"the deal was dead": (AT,)},
    ),
    Case(
        "en",
        "The senator reportedly said that the vote had been rigged.",
        {"the vote had been rigged": (AL,)},
    ),
    Case(
        "en",
        "The company has allegedly hidden losses from investors, the regulator said.",
        {"allegedly hidden losses": (AL,)},
    ),
    Case(
        "en",
        "The purported leader of the group said that more attacks would follow.",
        {"more attacks would follow": (AL,)},
    ),
    Case(
        "en",
        "A senior official, speaking on condition of anonymity, said the talks would "
        "resume on Monday.",
        {"the talks would resume": (AN,)},
    ),
    Case(
        "en",
        "The army said it had killed ten fighters. Reuters could not independently "
        "verify the claim.",
        {"it had killed ten fighters": (UN,)},
    ),
    Case(
        "en",
        "Police said the suspect had confessed. The account has not been independently verified.",
        {"the suspect had confessed": (UN,)},
    ),
    Case(
        "en",
        "The rebels claimed they had shot down a helicopter, a report that remains unconfirmed.",
        {"they had shot down a helicopter": (UN,)},
    ),
    Case(
        "en",
        "The ministry said 40 people had died, a toll that could not be confirmed.",
        {"40 people had died": (UN,)},
    ),
    # traps: backshift "would", a condition, a cue "alleged", an addressee, another claim
    Case(
        "en",
        "The minister said the reform would be adopted in March.",
        {"the reform would be adopted": ()},
    ),
    Case(
        "en",
        "The mayor said that if the state did not pay, he would close the school.",
        {"he would close the school": ()},
    ),
    Case(
        "en",
        "The prosecutor alleged that the company had bribed officials.",
        {"the company had bribed officials": ()},
    ),
    Case(
        "en",
        "The governor told the BBC that the budget would be balanced.",
        {"the budget would be balanced": ()},
    ),
    Case(
        "en",
        "Police said the suspect had allegedly fled. The mayor said the school would "
        "reopen on Monday.",
        {"the suspect had allegedly fled": (AL,), "the school would reopen": ()},
    ),
    Case(
        "en",
        "Police said the suspect had allegedly fled, while the mayor said the school "
        "would reopen on Monday.",
        {"the suspect had allegedly fled": (AL,), "the school would reopen": ()},
    ),
    Case(
        "en",
        "The army said the town had fallen. In a separate statement, the ministry said "
        "it could not confirm reports of looting.",
        {"the town had fallen": ()},
    ),  # the ministry's words, not the article's
    # ---- English: bare
    Case("en", '"We will not give in," the prime minister said.', {"We will not give in": ()}),
    Case(
        "en",
        "The ministry denied that its troops had entered the village.",
        {"its troops had entered the village": ()},
    ),
    Case(
        "en",
        "The central bank said inflation had slowed to 3 percent in October.",
        {"inflation had slowed": ()},
    ),
]
