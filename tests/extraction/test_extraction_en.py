"""English attribution constructions, on sentences written for these tests."""

from claims.extraction import extract


def claims_of(text):
    return extract(text, "en")


def only(text, **expected):
    found = [c for c in claims_of(text) if all(getattr(c, k) == v for k, v in expected.items())]
    assert found, f"no claim with {expected} in {[c.to_dict() for c in claims_of(text)]}"
    return found[0]


def test_direct_quote_with_attribution_after():
    text = '"The bridge will reopen in May," transport secretary Alan Pryce said on Monday.'
    c = only(text, quote_type="direct")
    assert c.content == "The bridge will reopen in May"
    assert c.speaker == "Alan Pryce"


def test_direct_quote_introduced_by_a_colon():
    text = 'Mayor Dana Holt told reporters: "We have no money left. The budget is empty."'
    found = claims_of(text)
    assert len(found) == 1
    assert found[0].quote_type == "direct"
    assert found[0].content == "We have no money left. The budget is empty"
    assert found[0].speaker == "Dana Holt"


def test_split_quote_and_pronoun_resolution():
    text = (
        "Coach Miriam Lang praised the team. \u201cWe played well,\u201d she said, "
        "\u201cbut the season is long.\u201d"
    )
    direct = [c for c in claims_of(text) if c.quote_type == "direct"]
    assert [c.content for c in direct] == ["We played well", "but the season is long"]
    assert {c.speaker for c in direct} == {"Miriam Lang"}


def test_indirect_speech_with_and_without_that():
    c = only("The union said that the strike would continue next week.")
    assert c.content == "the strike would continue next week"
    c = only("The union said the strike would continue next week.")
    assert c.content == "the strike would continue next week"
    assert c.speaker == "The union"


def test_according_to_leading_and_trailing():
    c = only("According to the fire service, two buildings were evacuated.")
    assert c.content == "two buildings were evacuated"
    assert c.speaker == "the fire service"
    c = only("Two buildings were evacuated, according to local police.")
    assert c.content == "Two buildings were evacuated"
    assert c.speaker == "local police"


def test_relay_with_citing_between_verb_and_that():
    text = (
        "The Boston Herald reported on Friday, citing three council members, that the "
        "stadium deal had collapsed."
    )
    c = only(text)
    assert c.speaker == "three council members"
    assert c.speaker_type == "anonymous"
    assert c.via == ["Boston Herald"]
    assert c.content == "the stadium deal had collapsed"


def test_anonymous_official_with_condition_of_anonymity():
    text = "A senior official, who spoke on condition of anonymity, said the talks had stalled."
    c = only(text)
    assert c.speaker_type == "anonymous"
    assert "official" in c.speaker
    assert "anonymity" not in c.speaker


def test_denials_of_clause_and_object():
    c = only("The minister denied that the report had been delayed.", stance="denies")
    assert c.content == "the report had been delayed"
    c = only("The club rejected the allegations.", stance="denies")
    assert c.content == "the allegations"
    c = only("He dismissed suggestions that he would resign.", stance="denies")
    assert c.content == "he would resign"


def test_rejecting_a_bid_is_not_a_denial():
    found = claims_of("The board rejected a takeover bid from a rival.")
    assert not [c for c in found if c.stance == "denies"]


def test_declined_to_comment_did_not_respond_and_could_not_verify():
    text = (
        "Northwind Ltd declined to comment on the layoffs. The ministry did not respond to a "
        "request for comment. The Ledger could not independently verify the figures."
    )
    declines = [c for c in claims_of(text) if c.stance == "declines_comment"]
    assert [c.content for c in declines] == [
        "declined to comment on the layoffs",
        "did not respond to a request for comment",
    ]
    verify = only(text, stance="cannot_verify")
    assert verify.content == "could not independently verify the figures"
    assert verify.speaker == "The Ledger"


def test_declined_to_be_named_is_not_declining_to_comment():
    text = "A trader, who declined to be named, said prices would rise."
    assert not [c for c in claims_of(text) if c.stance == "declines_comment"]


def test_coordinated_stance_after_a_statement():
    text = (
        "A spokesperson for the airline said the flights were full but declined to comment "
        "on prices."
    )
    found = claims_of(text)
    said = only(text, stance="asserts")
    assert said.content == "the flights were full"
    declined = only(text, stance="declines_comment")
    assert declined.content == "declined to comment on prices"
    assert len(found) == 2


def test_participial_adding_that_keeps_the_speaker():
    text = '"Prices will fall," analyst Rita Gomez said, adding that demand remained weak.'
    c = only(text, cue="adding")
    assert c.speaker == "Rita Gomez"
    assert c.content == "demand remained weak"


def test_pronoun_he_is_resolved_never_output_bare():
    text = "Governor Tom Reyes said the road would be rebuilt. He added that work starts in June."
    found = claims_of(text)
    assert [c.speaker for c in found] == ["Tom Reyes", "Tom Reyes"]


def test_background_sentences_are_not_claims():
    assert claims_of("The river flooded in 2019, displacing 4,000 residents.") == []


def test_nominal_attribution_shares_the_span_and_adverbs_stay_out_of_speakers():
    text = "Mayor Ruth Quinn also warned that rents would rise, a claim denied by the landlords."
    found = claims_of(text)
    assert {(c.speaker, c.stance) for c in found} == {
        ("Ruth Quinn", "asserts"),
        ("the landlords", "denies"),
    }
    assert {c.content for c in found} == {"rents would rise"}


def test_statement_prepositional_phrase_is_not_part_of_the_content():
    c = only("The council said in a statement it would appeal.")
    assert c.content == "it would appeal"


# ---- verbs and idioms of the English cue inventory (languages/en/cues.py)


def test_clause_verb_tweeted_that():
    text = "Senator Rhoda Vance tweeted on Friday that the tunnel contract had been rigged."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Rhoda Vance"
    assert c.content == "the tunnel contract had been rigged"
    assert c.stance == "asserts"


def test_clause_verb_of_a_finding():
    text = "The appeals court concluded that the zoning board had exceeded its powers."
    c = only(text, quote_type="indirect")
    assert c.speaker == "The appeals court"
    assert c.content == "the zoning board had exceeded its powers"
    assert c.stance == "asserts"


def test_direct_quote_with_a_new_speech_verb_after_it():
    text = '"Nobody reads the minutes anyway," councillor Hugo Brandt joked.'
    c = only(text, quote_type="direct")
    assert c.speaker == "Hugo Brandt"
    assert c.content == "Nobody reads the minutes anyway"


def test_object_verb_condemned():
    text = "Mayor Lena Ortiz condemned the closure of the night shelter."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Lena Ortiz"
    assert c.content == "the closure of the night shelter"
    assert c.stance == "asserts"


def test_object_verb_blamed_x_on_y():
    text = "Transport minister Omar Reyes blamed the delays on a shortage of drivers."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Omar Reyes"
    assert c.content == "the delays on a shortage of drivers"


def test_object_denial_questioned():
    text = "The union questioned the accuracy of the company's safety figures."
    c = only(text, quote_type="indirect")
    assert c.speaker == "The union"
    assert c.content == "the accuracy of the company's safety figures"
    assert c.stance == "denies"


def test_plea_of_not_guilty_denies_the_charges():
    text = "Former treasurer Alan Brisk pleaded not guilty to six counts of embezzlement."
    c = only(text, stance="denies")
    assert c.speaker == "Alan Brisk"
    assert c.content == "six counts of embezzlement"


def test_claim_of_responsibility():
    # eval/README.md: without a complement clause the content is the object as written,
    # "responsibility for X" (the real-dev gold annotates it so); the cue is "claimed"
    text = "A little-known militant group claimed responsibility for the pipeline blast."
    c = only(text, quote_type="indirect")
    assert c.content == "responsibility for the pipeline blast"
    assert c.speaker == "A little-known militant group"
    assert c.stance == "asserts"


def test_content_after_a_preposition_warned_of():
    text = "Economist Petra Lind warned of a sharp fall in house prices next year."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Petra Lind"
    assert c.content == "a sharp fall in house prices next year"


def test_to_infinitive_verb_professed():
    text = "The ex-director professed to know nothing about the missing funds."
    c = only(text, quote_type="indirect")
    assert c.speaker == "The ex-director"
    assert c.content == "to know nothing about the missing funds"
    assert c.stance == "asserts"


def test_gerund_complement_recalled_seeing():
    text = "Ada Kimura, a night nurse, recalled seeing the ambulance leave before midnight."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Ada Kimura"
    assert c.content == "seeing the ambulance leave before midnight"


def test_multiword_cue_shot_back():
    text = "Ben Ashe, a councillor, shot back that the audit had cleared his office."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Ben Ashe"
    assert c.content == "the audit had cleared his office"


def test_finding_of_a_survey():
    text = "A survey by the Harbour Institute found that most ferry users travel before dawn."
    c = only(text, quote_type="indirect")
    assert c.content == "most ferry users travel before dawn"
    assert c.stance == "asserts"


def test_object_verb_with_its_preposition_likened():
    text = "Opposition leader Maya Quist likened the new tax to a lottery for the rich."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Maya Quist"
    assert c.content == "the new tax to a lottery for the rich"


def test_multiword_denial_brushed_aside():
    text = "The health minister brushed aside the criticism from rural doctors."
    c = only(text, stance="denies")
    assert c.content == "the criticism from rural doctors"


def test_a_document_that_reads_a_quote():
    text = 'The council\'s statement read: "The library will stay open on Sundays."'
    c = only(text, quote_type="direct")
    assert c.content == "The library will stay open on Sundays"


def test_made_the_following_announcement_before_a_colon():
    text = 'The port authority made the following announcement: "All ferries are cancelled today."'
    c = only(text, quote_type="direct")
    assert c.speaker == "The port authority"
    assert c.content == "All ferries are cancelled today"


def test_did_not_release_information_declines_comment():
    text = "Norvik Air did not release any specific information about the crew."
    c = only(text, stance="declines_comment")
    assert c.content.startswith("did not release any specific information")


def test_admitted_his_guilt():
    text = "The former clerk Tom Reilly admitted his guilt in the ticket fraud."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Tom Reilly"
    assert c.content == "his guilt in the ticket fraud"


# ---- cues and constructions added from real-dev and PolNeAR train misses (sentences
# written for these tests)


def test_claimed_responsibility_without_a_complement():
    c = only("The Ravens militia have claimed responsibility.", quote_type="indirect")
    assert c.content == "responsibility"
    assert c.speaker == "The Ravens militia"


def test_claimed_with_an_object_that_is_no_statement_reports_nothing():
    assert not claims_of("The storm claimed sixteen lives in the valley.")


def test_stated_its_intention():
    c = only("Orvo Foods stated its intention to leave the Danish market.", quote_type="indirect")
    assert c.speaker == "Orvo Foods"
    assert c.content == "its intention to leave the Danish market"


def test_reported_with_a_noun_phrase_object():
    text = "The chain's annual report reported 14 closed stores in the past year."
    c = only(text, quote_type="indirect")
    assert c.content == "14 closed stores in the past year"


def test_named_among():
    text = "The Daily Courier named the Vexa chain and developer Lumo Invest among the bidders."
    c = only(text, quote_type="indirect")
    assert c.speaker == "The Daily Courier"
    assert c.content == "the Vexa chain and developer Lumo Invest among the bidders"


def test_named_as_an_appointment_reports_nothing():
    assert not claims_of("The board named Petra Lind as chief executive.")


def test_made_passing_mention_of():
    text = "Some medieval chroniclers made passing mention of feeding grain to swans."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Some medieval chroniclers"
    assert c.content == "feeding grain to swans"


def test_made_no_mention_is_an_omission():
    assert not claims_of("The audit made no mention of the missing funds.")


def test_content_stops_before_a_concession_after_a_comma():
    text = "The Harbor Gazette states the ship was a tanker, despite photos showing cabins."
    c = only(text, quote_type="indirect")
    assert c.content == "the ship was a tanker"


def test_has_since_said_is_one_verb_group():
    text = "Senator Kel Amory has since said he would vote for the harbour bill in March."
    c = only(text, quote_type="indirect")
    assert c.cue == "has since said"
    assert c.content == "he would vote for the harbour bill in March"


def test_content_stops_before_an_even_as_concession():
    text = "Mayor Ines Dall has long said that she will back the plan, even as she has taken shots at its cost."
    c = only(text, quote_type="indirect")
    assert c.content == "she will back the plan"


def test_absolute_construction_with_a_reporting_gerund():
    text = "No injuries were reported, with local media reporting no-one was in the building."
    c = only(text, quote_type="indirect")
    assert c.speaker == "local media"
    assert c.content == "no-one was in the building"


def test_absolute_construction_with_a_request_reports_nothing():
    text = 'The motion passed, with softer wording calling for "fair treatment."'
    assert not [c for c in claims_of(text) if c.speaker == "softer wording"]


def test_cited_as_stating_gives_the_cited_speaker():
    text = "The industry journal cited the Navy as stating Polar Air owned the aircraft."
    c = only(text, quote_type="indirect")
    assert c.speaker == "the Navy"
    assert c.content == "Polar Air owned the aircraft"


def test_quoted_as_saying():
    text = "The Daily Star quoted one of the mayor's advisers as saying the mayor was tired."
    c = only(text, quote_type="indirect")
    assert c.speaker == "one of the mayor's advisers"
    assert c.content == "the mayor was tired"


def test_relay_gerund_without_a_comma_ends_the_content():
    text = "Several outlets reported the general to be dead citing sources in the ministry."
    c = only(text, quote_type="indirect")
    assert c.content == "the general to be dead"


def test_cited_as_a_reason():
    text = "The budget office cited the levy as a major reason for the deficit."
    c = only(text, quote_type="indirect")
    assert c.content == "the levy as a major reason for the deficit"


def test_evaluation_cues_with_an_object():
    cases = {
        "Senator Holt defended her vote on the bridge bill.": "her vote on the bridge bill",
        "The governor pointed to the falling crime rate.": "the falling crime rate",
        "Her aides alluded to his failings as a manager.": "his failings as a manager",
        "Ms. Ruiz took issue with the forecast of rising prices.": "the forecast of rising prices",
        "The senator lashed out at the new tax on fuel.": "the new tax on fuel",
    }
    for text, content in cases.items():
        c = only(text, quote_type="indirect")
        assert c.content == content, text
        assert c.stance == "asserts"


def test_challenged_a_claim_denies_it():
    c = only("The union challenged the claim that wages had risen.", stance="denies")
    assert c.content == "wages had risen"
    assert not claims_of("The union challenged him to a debate.")


def test_trailing_according_to_after_a_cue_word_that_reports_nothing():
    text = (
        "Mayor Holt has found himself in the same legal bind, according to spokesperson Mira Kaur."
    )
    c = only(text, quote_type="indirect")
    assert c.speaker == "Mira Kaur"
    assert c.content == "Mayor Holt has found himself in the same legal bind"
    text = "He returned for the end of the lunch and said little, according to an attendee."
    c = only(text, quote_type="indirect")
    assert c.speaker == "an attendee"


def test_trailing_according_to_after_a_reporting_clause_stays_the_verbs():
    text = "The minister said the plan would fail on Monday, according to the transcript."
    found = claims_of(text)
    assert [(c.speaker, c.content) for c in found] == [
        ("The minister", "the plan would fail on Monday")
    ]


def test_trailing_according_to_after_a_comma_inside_the_quote():
    text = 'The senator later compared the meeting to a "root canal," according to her memoir.'
    c = only(text, cue="according to")
    assert c.content == 'The senator later compared the meeting to a "root canal'


def test_trailing_according_to_followed_by_a_relative_clause_on_the_source():
    text = "The plant will close in May, according to Lena Ortiz, who runs the local branch."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Lena Ortiz"
    assert c.content == "The plant will close in May"


def test_leading_according_to_with_a_cue_word_that_reports_nothing():
    text = "According to the curator, they have found no trace of the second map."
    c = only(text, quote_type="indirect")
    assert c.speaker == "the curator"
    assert c.content == "they have found no trace of the second map"


def test_leading_according_to_before_a_request_is_no_claim_of_the_source():
    text = "According to the agency, the council, the main coalition, urged residents to stay home."
    assert not claims_of(text)


def test_according_to_followed_by_a_relative_that_reports_keeps_baseline_reading():
    text = "The plant will close in May, according to Lena Ortiz, who said the decision was final."
    found = claims_of(text)
    assert [(c.speaker, c.content) for c in found] == [("Lena Ortiz", "the decision was final")]


def test_echoed_takes_a_clause_not_a_person():
    c = only("Okafor echoed that the transit plan was too costly.", quote_type="indirect")
    assert c.content == "the transit plan was too costly"
    assert not claims_of("The channel kept echoing Mayor Brandt in its evening news.")


def test_quotation_right_after_the_cue_without_a_colon_is_direct():
    text = "The brochure says \u201cnothing will change until the council elects new leaders.\u201d"
    claims = [c for c in extract(text, "en") if "says" in c.cue]
    assert claims and claims[0].speaker == "The brochure"
    assert claims[0].content == "nothing will change until the council elects new leaders"
    assert claims[0].quote_type == "direct"


def test_relay_gerund_after_the_content_makes_the_cited_speak():
    text = "Several outlets reported the general to be dead citing sources within the ministry."
    c = only(text, quote_type="indirect")
    assert c.speaker == "sources within the ministry"
    assert c.content == "the general to be dead"


def test_verb_then_according_to_then_that_clause():
    text = "Judge Amelia Rourke decided, according to the summary, that the contract was void."
    c = only(text, quote_type="indirect")
    assert c.speaker == "Amelia Rourke"
    assert c.content == "the contract was void"
    assert c.via == ["summary"]
    text = (
        "Judge Amelia Rourke decided, according to the summary, "
        '"that the contract was void and the fees must be repaid."'
    )
    c = only(text, quote_type="direct")
    assert c.speaker == "Amelia Rourke"


def test_named_among_after_a_long_coordinated_object():
    text = "DCN named the Vexa chain and property developer Lumo Invest among the bidders."
    c = only(text, quote_type="indirect")
    assert c.speaker == "DCN"
    assert c.content == "the Vexa chain and property developer Lumo Invest among the bidders"


def test_trailing_according_to_right_after_a_closing_quote():
    text = (
        'In 2016 another plane confused the two runways, performing a go around at "very low '
        'height" according to The Flight Journal.'
    )
    c = only(text, cue="according to")
    assert c.speaker == "The Flight Journal"
    assert c.content.endswith('at "very low height"')
    assert not claims_of("The board acted according to the rules.")


def test_gapped_clause_after_a_comma_ends_the_content():
    text = (
        "Orvo stated its intention to leave the Danish market altogether, Harbor its "
        "intention to strengthen its chain in Denmark."
    )
    c = only(text, speaker="Orvo")
    assert c.content == "its intention to leave the Danish market altogether"


def test_an_apposition_on_the_accused_keeps_the_accusation_en():
    text = "The unions accused the director, a former banker, of lying to the staff."
    found = [c for c in extract(text, "en") if c.cue == "accused"]
    assert found, [c.to_dict() for c in extract(text, "en")]
    assert found[0].content == "the director, a former banker, of lying to the staff"


def test_a_gerund_right_after_a_closing_quote_reports_for_the_subject_en():
    text = 'The union said the cuts were "a disgrace" adding that staff had not been consulted.'
    by_cue = {c.cue: c for c in extract(text, "en")}
    assert "adding" in by_cue, [c.to_dict() for c in extract(text, "en")]
    assert by_cue["adding"].content == "staff had not been consulted"
    assert by_cue["said"].content == 'the cuts were "a disgrace"'


def test_after_just_as_a_name_with_a_bare_apposition_is_the_subject_en():
    text = "Just as Lena Ortiz, chair of the harbour board, had said that fares would rise."
    found = [c for c in extract(text, "en") if c.cue == "had said"]
    assert found, [c.to_dict() for c in extract(text, "en")]
    assert found[0].speaker == "Lena Ortiz"
