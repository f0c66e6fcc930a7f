// The default dossier checklist (Dutch), loaded as version 1 at the first start. Built from the
// Flevoland action-learning findings and the Gooi en Vechtstreek set-up (research-domain.md
// C.2), the recommendations of "Betrek mij gewoon!" (Ketenbreed Leren) and the Richtlijnen
// Jeugdhulp en Jeugdbescherming. Administrators change it by publishing new versions; this file
// is only read when the instrument does not exist yet.
import type { InstrumentContentInput } from '../../../shared/contract/instruments';

const samenBeslissen = 'Richtlijn Samen met ouders en jeugdige beslissen over passende hulp';
const meervoudigeProblemen = 'Richtlijn Gezinnen met meervoudige en complexe problemen';
const uithuisplaatsing = 'Richtlijn Uithuisplaatsing en terugplaatsing';
const verblijf = 'Richtlijn Jeugdhulp met verblijf';

export const defaultDossierChecklist: InstrumentContentInput = {
  title: 'Dossierchecklist Ketenbreed leren',
  description:
    'Vragen voor het dossieronderzoek van een casus. Beantwoord elke vraag met wat het dossier zegt, met een citaat of samenvatting als onderbouwing, het brondocument en de datum daarvan. Kies "onbekend" als het dossier er niets over zegt.',
  sections: [
    {
      key: 'hulpvraag',
      title: 'Hulpvraag en verklarende analyse',
      items: [
        {
          key: 'hulpvraag_in_dossier',
          question: 'Staat de hulpvraag van de jongere en de ouders in het dossier?',
          help: 'Zoek een hulpvraag in de woorden van de jongere of de ouders, niet alleen een aanmeldreden of een indicatiebesluit. Was de situatie onhoudbaar maar is niet beschreven wat er gebeurde? Vermeld dat in de onderbouwing.',
          answer: { type: 'ynpu' },
          guideline: samenBeslissen,
        },
        {
          key: 'hulpvraag_soort',
          question: 'Waar ging de hulpvraag vooral over?',
          help: 'In het Flevolandse actieleren bleek de vraag soms een woonvraag in plaats van een behandelvraag, of een probleem van het hele gezin waarin de jongere één deel was.',
          answer: {
            type: 'choice',
            options: [
              { code: 'behandeling', label: 'Behandeling van de jongere' },
              { code: 'opvoeding', label: 'Steun bij de opvoeding' },
              { code: 'gezin', label: 'Problemen van het hele gezin' },
              { code: 'wonen', label: 'Een woonplek (woonvraag)' },
              { code: 'veiligheid', label: 'Veiligheid van de jongere' },
              { code: 'onduidelijk', label: 'Niet duidelijk uit het dossier' },
            ],
          },
        },
        {
          key: 'verklarende_analyse',
          question: 'Is er een verklarende analyse gemaakt?',
          help: 'Een verklarende analyse beschrijft de risico- en beschermende factoren bij de jongere, de ouders, het gezin en de omgeving (school, netwerk) en hoe die samenhangen. Ze hoort er te zijn vóór ingrijpende beslissingen, zoals een uithuisplaatsing of gesloten jeugdhulp.',
          answer: { type: 'ynpu' },
          guideline: samenBeslissen,
        },
        {
          key: 'verklarende_analyse_gedeeld',
          question:
            'Is de verklarende analyse samen met de jongere en de ouders gemaakt en met hen gedeeld?',
          help: 'Blijkt uit het dossier dat de analyse in begrijpelijke taal is besproken, en dat de jongere en de ouders zich erin herkennen? Noteer waar dat staat.',
          answer: { type: 'ynpu' },
          guideline: samenBeslissen,
        },
        {
          key: 'verklarende_analyse_bijgesteld',
          question: 'Is de verklarende analyse later geëvalueerd en zo nodig bijgesteld?',
          help: 'De analyse is een werktheorie: die wordt regelmatig getoetst aan hoe het gaat en aangepast als de hulp niet helpt.',
          answer: { type: 'ynpu' },
          guideline: samenBeslissen,
        },
      ],
    },
    {
      key: 'diagnostiek',
      title: 'Diagnostiek en behandeling',
      items: [
        {
          key: 'volgens_richtlijn',
          question:
            'Zijn diagnostiek en behandeling uitgevoerd volgens de richtlijn die bij de problematiek past?',
          help: 'Kijk welke richtlijn uit de Richtlijnen Jeugdhulp en Jeugdbescherming van toepassing is en of de aanbevelingen ervan zijn gevolgd. Noem de richtlijn bij de volgende vraag.',
          answer: { type: 'ynpu' },
          timelineLanes: ['diagnosis', 'care'],
        },
        {
          key: 'richtlijn_naam',
          question: 'Welke richtlijn of richtlijnen zijn van toepassing?',
          help: 'Gebruik de naam zoals op richtlijnenjeugdhulp.nl, bijvoorbeeld "Richtlijn ADHD" of "Richtlijn Ernstige gedragsproblemen". Kies onbekend als er geen passende richtlijn is.',
          answer: { type: 'text' },
        },
        {
          key: 'diagnose_bijgesteld',
          question: 'Is een diagnose later bijgesteld of vervangen door een andere?',
          help: 'In ongeveer een derde van de Flevolandse casussen werd de diagnose na enkele jaren bijgesteld. Koppel de diagnoses op de tijdlijn aan dit antwoord.',
          answer: { type: 'ynpu' },
          timelineLanes: ['diagnosis'],
        },
        {
          key: 'nieuw_probleemgedrag',
          question:
            'Kwam tijdens het verblijf nieuw probleemgedrag centraal te staan, waardoor de oorspronkelijke hulpvraag naar de achtergrond verdween?',
          help: 'Wonen op een groep vraagt ander gedrag; 24-uurszorg kan gedrag verharden. Let op of de behandeling nog aansloot op de vraag waarmee het begon.',
          answer: { type: 'ynpu' },
          guideline: verblijf,
          timelineLanes: ['care', 'living'],
        },
      ],
    },
    {
      key: 'gezin',
      title: 'Ouders, gezin en netwerk',
      items: [
        {
          key: 'problemen_voor_geboorte',
          question:
            'Speelden er al problemen vóór de geboorte of in de eerste levensjaren (bijvoorbeeld huiselijk geweld of middelengebruik)?',
          help: 'Noteer wat er speelde en vanaf wanneer. Koppel de gebeurtenissen op de tijdlijn.',
          answer: { type: 'ynpu' },
          timelineLanes: ['family'],
        },
        {
          key: 'problemen_ouders',
          question:
            'Is er aandacht geweest voor de eigen problemen van de ouders (bijvoorbeeld psychische problemen, verslaving, schulden of huisvesting)?',
          help: 'Kregen de ouders zelf hulp of begeleiding, of werd alleen naar de jongere gekeken?',
          answer: { type: 'ynpu' },
          guideline: 'Richtlijn Kinderen van ouders met psychische en/of verslavingsproblemen',
          timelineLanes: ['family'],
        },
        {
          key: 'scheiding_ouders',
          question:
            'Als de ouders gescheiden zijn: is gekeken naar de gevolgen van de scheiding voor de jongere?',
          help: 'Kies niet van toepassing als de ouders niet gescheiden zijn.',
          answer: { type: 'ynpu' },
          guideline: 'Richtlijn Scheiding en problemen van jeugdigen',
          timelineLanes: ['family'],
        },
        {
          key: 'rol_ouders',
          question: 'Hoe was de rol van de ouders tijdens de hulp?',
          help: 'Het Flevolandse actieleren zag twee patronen: te lang alleen gericht blijven op het biologische gezin, of ouderschap dat optioneel leek.',
          answer: {
            type: 'choice',
            options: [
              { code: 'betrokken', label: 'Ouders bleven betrokken en kregen steun' },
              { code: 'te_lang_biologisch', label: 'Te lang alleen gericht op het eigen gezin' },
              { code: 'ouderschap_optioneel', label: 'Ouderschap leek optioneel' },
              { code: 'anders', label: 'Anders (licht toe)' },
            ],
          },
        },
        {
          key: 'netwerk_in_kaart',
          question: 'Is het netwerk van de jongere en het gezin in kaart gebracht en betrokken?',
          help: 'Familie, vrienden, buren, school, sport, geloofsgemeenschap: wie kan steunen? Blijkt uit het dossier dat het informele netwerk meedacht over het plan?',
          answer: { type: 'ynpu' },
          guideline: meervoudigeProblemen,
          timelineLanes: ['people'],
        },
        {
          key: 'hulp_gericht_op',
          question: 'Op wie was de ambulante hulp gericht?',
          help: 'Systeemgerichte hulp richt zich op het hele gezin. Let ook op zorgen rond broertjes en zusjes.',
          answer: {
            type: 'choice',
            options: [
              { code: 'gezin', label: 'Het hele gezin (systeemgericht)' },
              { code: 'jongere', label: 'Alleen de jongere' },
              { code: 'ouders', label: 'Alleen de ouder(s)' },
              { code: 'wisselend', label: 'Wisselend' },
            ],
          },
          guideline: meervoudigeProblemen,
          timelineLanes: ['care'],
        },
      ],
    },
    {
      key: 'onderwijs',
      title: 'School en onderwijs',
      items: [
        {
          key: 'onderwijs_voorrang',
          question: 'Kreeg onderwijs voorrang in de hulp?',
          help: 'Werkte de hulp samen met school, en bleef passend onderwijs geregeld bij plaatsingen en overplaatsingen? Een opleiding is een belangrijke beschermende factor.',
          answer: { type: 'ynpu' },
          timelineLanes: ['school'],
        },
        {
          key: 'leerplicht_vrijstelling',
          question: 'Is er een vrijstelling van de leerplicht gegeven?',
          help: 'Noteer wanneer, voor hoe lang en of er een plan was om weer naar school te gaan.',
          answer: { type: 'ynpu' },
          timelineLanes: ['school'],
        },
        {
          key: 'maanden_zonder_school',
          question: 'Hoeveel maanden ging de jongere in totaal niet naar school?',
          help: 'Tel de periodes als thuiszitter bij elkaar op. Koppel de schoolperiodes op de tijdlijn.',
          answer: { type: 'number', min: 0, max: 240, unit: 'maanden', isInteger: true },
          timelineLanes: ['school'],
        },
      ],
    },
    {
      key: 'samenwerking',
      title: 'Samen beslissen en samenwerking',
      items: [
        {
          key: 'betrokken_bij_beslissingen',
          question: 'Zijn de jongere en de ouders betrokken bij de belangrijke beslissingen?',
          help: 'Bijvoorbeeld bij de keuze voor hulp, een plaatsing of een overplaatsing. Blijkt uit het dossier wat zij zelf wilden, en wat er met hun mening is gedaan?',
          answer: { type: 'ynpu' },
          guideline: samenBeslissen,
        },
        {
          key: 'afstemming_aanbieders',
          question:
            'Was er afstemming tussen de betrokken aanbieders, met één plan voor het gezin?',
          help: 'Noteer hoeveel aanbieders tegelijk betrokken waren en of iemand de regie had.',
          answer: { type: 'ynpu' },
          guideline: meervoudigeProblemen,
          timelineLanes: ['care'],
        },
        {
          key: 'dreiging_maatregel',
          question:
            'Is er gedreigd met een ondertoezichtstelling (OTS), voogdij of uithuisplaatsing?',
          help: 'Dreigen verhoogt de stress bij ouders. Noteer in welke situatie het gebeurde.',
          answer: { type: 'ynpu' },
          timelineLanes: ['justice'],
        },
      ],
    },
    {
      key: 'continuiteit',
      title: 'Wachttijden, plaatsingen en continuïteit',
      items: [
        {
          key: 'eerste_aanmelding',
          question: 'Wanneer was de eerste aanmelding voor jeugdhulp?',
          help: 'De datum van het eerste document waaruit de aanmelding blijkt.',
          answer: { type: 'date' },
          timelineLanes: ['care'],
        },
        {
          key: 'wachttijden',
          question: 'Moesten de jongere of het gezin wachten op hulp?',
          help: 'Ook wachten op een vervolgplek of op behandeling binnen een instelling telt mee.',
          answer: { type: 'ynpu' },
          timelineLanes: ['care'],
        },
        {
          key: 'langste_wachttijd',
          question: 'Hoe lang duurde de langste wachttijd?',
          help: 'Van aanmelding tot start van de hulp.',
          answer: { type: 'number', min: 0, max: 520, unit: 'weken', isInteger: true },
          timelineLanes: ['care'],
        },
        {
          key: 'uithuisplaatsing_onderbouwd',
          question:
            'Als de jongere uit huis is geplaatst: waren alternatieven thuis eerst overwogen en was de plaatsing onderbouwd?',
          help: 'Kies niet van toepassing als er geen uithuisplaatsing was. Koppel de plaatsing op de tijdlijn.',
          answer: { type: 'ynpu' },
          guideline: uithuisplaatsing,
          timelineLanes: ['living'],
        },
        {
          key: 'aantal_overplaatsingen',
          question: 'Hoe vaak is de jongere overgeplaatst naar een andere woonplek?',
          help: 'Elke overplaatsing betekent opnieuw afscheid, nieuwe professionals en vaak een andere school.',
          answer: { type: 'number', min: 0, max: 100, unit: 'keer', isInteger: true },
          guideline: verblijf,
          timelineLanes: ['living'],
        },
        {
          key: 'wisseling_hulpverleners',
          question: 'Wisselden de vaste hulpverleners of mentoren vaak?',
          help: 'Verloop van personeel was in Flevoland een van de oorzaken van gebrekkige continuïteit.',
          answer: { type: 'ynpu' },
        },
      ],
    },
    {
      key: 'samenvatting',
      title: 'Samenvatting',
      items: [
        {
          key: 'wat_hielp',
          question: 'Wat heeft volgens het dossier geholpen?',
          help: 'Momenten, mensen of vormen van hulp die het beter maakten.',
          answer: { type: 'text' },
        },
        {
          key: 'wat_belemmerde',
          question: 'Wat heeft volgens het dossier belemmerd?',
          help: 'Momenten, beslissingen of omstandigheden die het erger maakten of de hulp vertraagden.',
          answer: { type: 'text' },
        },
      ],
    },
  ],
};
