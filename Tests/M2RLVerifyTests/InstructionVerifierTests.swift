import Foundation
import M2RLCore
import Testing
@testable import M2RLVerify

@Suite("Instruction verifier: strict and loose evaluation, reward rules, errors")
struct InstructionVerifierTests {
    let verifier = InstructionVerifier()

    func problem(_ instructions: [Instruction], preset: String? = nil, options: [String: JSONValue] = [:]) -> Problem {
        let spec = preset == nil && options.isEmpty ? nil : VerifierSpec(preset: preset, options: options)
        return Problem(id: "if-1", domain: .instruction, prompt: "Write about rain.", instructions: instructions, verifier: spec)
    }

    let noComma = Instruction(id: "punctuation:no_comma")
    func existence(_ words: [String]) -> Instruction {
        Instruction(id: "keywords:existence", kwargs: ["keywords": .array(words.map { .string($0) })])
    }

    @Test("the 7 loose variants, in IFEval's order: *-free, without first / last / both lines, then those *-free")
    func looseVariants() {
        let variants = InstructionEvaluation.looseVariants("Sure!\n*Rain* falls.\n  Bye  ")
        #expect(variants == [
            "Sure!\nRain falls.\n  Bye  ", "*Rain* falls.\n  Bye", "Sure!\n*Rain* falls.", "*Rain* falls.",
            "Rain falls.\n  Bye", "Sure!\nRain falls.", "Rain falls.",
        ])
        // One line: removing the first or the last line leaves nothing.
        #expect(InstructionEvaluation.looseVariants("only") == ["only", "", "", "", "", "", ""])
    }

    @Test("a strict pass is a loose pass; a loose pass can come from any variant; whitespace follows nothing")
    func evaluation() {
        let noStar = ClosureCheck { !$0.contains("*") }
        let startsWithRain = ClosureCheck { $0.hasPrefix("Rain") }
        let always = ClosureCheck { _ in true }

        let clean = InstructionEvaluation.evaluate([noStar, always], response: "Rain.")
        #expect(clean.strict == [true, true] && clean.loose == [true, true])

        let starred = InstructionEvaluation.evaluate([noStar, startsWithRain], response: "Intro:\n*Rain* again")
        #expect(starred.strict == [false, false])
        #expect(starred.loose == [true, true])  // `*`-free variant; first line removed and `*`-free

        let blank = InstructionEvaluation.evaluate([always], response: " \n\t ")
        #expect(blank.strict == [false] && blank.loose == [false])

        // Variants are told apart by code points, as Python compares them: the last line
        // removed leaves a precomposed "é", the first line removed a decomposed one, and only
        // the precomposed one follows.
        let precomposed = ClosureCheck { $0.unicodeScalars.elementsEqual(["\u{E9}"]) }
        let accents = InstructionEvaluation.evaluate([precomposed], response: "\u{E9}\ne\u{301}")
        #expect(accents.strict == [false] && accents.loose == [true])
    }

    @Test("a check with a memo judges the loose variants as fresh checks do")
    func memoAcrossVariants() throws {
        // capital_word_frequency keeps each sentence's count across one response's variants.
        let responses = ["HELLO WORLD. Nice.\n**Body** text HERE\nBYE NOW", "One LINE only.", "A B.\nC *D* E.\nF G H.\n\nI J"]
        var sawLooseOnly = false
        for response in responses {
            for (frequency, relation) in [(2, "less than"), (3, "at least"), (1, "less than")] {
                let check = try InstructionRegistry.check(id: "change_case:capital_word_frequency",
                                                          kwargs: ["capital_frequency": .int(frequency), "capital_relation": .string(relation)], prompt: "")
                let evaluation = InstructionEvaluation.evaluate([check], response: response)
                let strict = check.follows(response)
                let fresh = strict || InstructionEvaluation.looseVariants(response).contains { !PythonText.strip($0).isEmpty && check.follows($0) }
                #expect(evaluation.strict == [strict] && evaluation.loose == [fresh], "\(response.debugDescription), \(relation) \(frequency)")
                if !strict && fresh { sawLooseOnly = true }
            }
        }
        #expect(sawLooseOnly, "some case must pass only through a variant")
    }

    @Test("reward all (default) is 1 only when every instruction is followed; fraction is the share")
    func rewardRules() throws {
        let text = "Rain falls softly, and the street shines."
        let all = try verifier.verify(text, problem: problem([existence(["rain"]), noComma]))
        #expect(all.reward == 0 && all.verdict == "incorrect")
        #expect(all.details["followed"] == .int(1) && all.details["total"] == .int(2))

        let fraction = try verifier.verify(text, problem: problem([existence(["rain"]), noComma], options: ["reward": "fraction"]))
        #expect(fraction.reward == 0.5 && fraction.verdict == "incorrect")

        let good = try verifier.verify("Rain falls softly and the street shines.", problem: problem([existence(["rain"]), noComma]))
        #expect(good.reward == 1 && good.verdict == "correct")
        #expect(good.details["instructions"] == .array([
            .object(["id": "keywords:existence", "strict": true, "loose": true]),
            .object(["id": "punctuation:no_comma", "strict": true, "loose": true]),
        ]))
    }

    @Test("preset loose accepts what only a loose variant follows")
    func loosePreset() throws {
        let text = "Here you go, friend:\nRain falls softly and the street shines."
        let strict = try verifier.verify(text, problem: problem([noComma]))
        #expect(strict.reward == 0)
        let loose = try verifier.verify(text, problem: problem([noComma], preset: "loose"))
        #expect(loose.reward == 1 && loose.verdict == "correct" && loose.details["preset"] == "loose")
    }

    @Test("an empty response is no_answer with reward 0")
    func empty() throws {
        let result = try verifier.verify("   ", problem: problem([noComma]))
        #expect(result.verdict == "no_answer" && result.reward == 0)
    }

    @Test("unknown ids, unknown kwargs, bad presets and options are invalid_problem errors naming the place")
    func errors() {
        func message(_ p: Problem) -> String {
            do { _ = try verifier.verify("text", problem: p); return "no error" } catch { return "\(error)" }
        }
        let unknown = message(problem([noComma, Instruction(id: "keywords:made_up")]))
        #expect(unknown.contains("invalid_problem") && unknown.contains("instructions[1]") && unknown.contains("keywords:made_up"))
        let extra = message(problem([Instruction(id: "punctuation:no_comma", kwargs: ["num_words": 3])]))
        #expect(extra.contains("instructions[0]") && extra.contains("'num_words'"))
        let missing = message(problem([Instruction(id: "keywords:existence")]))
        #expect(missing.contains("'keywords'") && missing.contains("required"))
        #expect(message(problem([])).contains("needs `instructions`"))
        #expect(message(problem([noComma], preset: "lenient")).contains("'lenient'"))
        #expect(message(problem([noComma], options: ["reward": "half"])).contains("verifier.reward"))
    }

    @Test("every registered id builds with its kwargs declared, and ids are unique across families")
    func registry() {
        let kinds = InstructionRegistry.kinds
        #expect(kinds.count == 25 + 58 + 29)
        #expect(kinds.values.filter { $0.family == "ifeval" }.count == 25)
        #expect(kinds.values.filter { $0.family == "ifbench" }.count == 58)
        #expect(kinds.values.filter { $0.family == "iftrain" }.count == 29)
    }
}
