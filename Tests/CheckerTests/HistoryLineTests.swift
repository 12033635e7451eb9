import AWSModel
import BenchCore
@testable import Checker
import Emulator
import Foundation
@testable import Resilience  // the memberwise initializers of CallRecord and AttemptRecord
import Testing

/// `HistoryLine`, the only writer of `history.jsonl` lines, against what reads them: each line is exactly what
/// `JSONEncoder` writes for the `HistoryRecord` it reads back as, and carries its call's subject and answer.
@Suite struct HistoryLineTests {
    /// What `JSONEncoder` writes for `value` in the history's form.
    static func encoderBytes(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    /// The record `line` reads back as with the checker's own reader; nil, with an issue, when it does not read.
    static func record(_ line: HistoryLine) -> HistoryRecord? {
        let text = String(decoding: GeneratedJSONValues.ownBytes(line), as: UTF8.self)
        guard let record = HistoryJSONLineDecodingTests.fastRead(text, as: HistoryRecord.self) else {
            Issue.record("the checker's reader refused the line \(text)")
            return nil
        }
        return record
    }

    /// The line's bytes are `JSONEncoder`'s for the record they read back as, and `JSONDecoder` reads the same
    /// record; returns that record.
    @discardableResult
    static func expectCanonical(_ line: HistoryLine) throws -> HistoryRecord? {
        let written = GeneratedJSONValues.ownBytes(line)
        let decoded = try JSONDecoder().decode(HistoryRecord.self, from: Data(written))
        #expect(written == (try encoderBytes(decoded)), "\(String(decoding: written, as: UTF8.self))")
        let record = record(line)
        #expect(record == decoded)
        return record
    }

    static let oddStrings: [String] = [
        "", "plain", #"quote " inside"#, #"back\slash"#, "slash/path", "tab\tnew\nline\r", "\u{0}\u{1}\u{1F}",
        "\u{7F}del", "é ü ß", "€ 😀 👩‍👩‍👧", "\u{2028}\u{2029}\u{FEFF}", "\u{8}\u{C}", #"\u0041 not an escape"#,
        String(repeating: "x", count: 300),
    ]

    // MARK: - The evidence each call carries

    /// One call of each kind the checker looks into, and the subject and answer its line must carry.
    struct Evidence: Sendable, CustomTestStringConvertible {
        let name: String
        let request: AWSRequest
        let result: AttemptResult
        let subject: CallSubject
        let answer: AnswerSummary?
        var testDescription: String { name }
    }

    static let targets = [Target(id: "10.0.0.1", port: 80), Target(id: "fn-arn"), Target(id: "10.0.0.2", port: 65535)]
    static let group = "tg-0123456789abcdef0"

    static let evidence: [Evidence] = [
        Evidence(
            name: "CreateTargetGroup answered",
            request: .lattice(.createTargetGroup(CreateTargetGroupInput(name: "web", type: "IP"))),
            result: .response(.lattice(.createTargetGroup(
                CreateTargetGroupOutput(id: group, arn: "arn:tg", name: "web")))),
            subject: CallSubject(name: "web"), answer: AnswerSummary(id: group, arn: "arn:tg")),
        Evidence(
            name: "CreateTargetGroup refused with the conflicting resource",
            request: .lattice(.createTargetGroup(CreateTargetGroupInput(name: "web", type: "IP"))),
            result: .serviceError(ServiceError(
                code: "ConflictException", httpStatus: 409, message: "taken", fields: ["resourceId": .string(group)])),
            subject: CallSubject(name: "web"), answer: AnswerSummary(id: group)),
        Evidence(
            name: "RegisterTargets, partly unsuccessful",
            request: .lattice(.registerTargets(RegisterTargetsInput(targetGroupIdentifier: group, targets: targets))),
            result: .response(.lattice(.registerTargets(RegisterTargetsOutput(
                successful: [targets[0]], unsuccessful: [TargetFailure(id: "fn-arn"), TargetFailure(port: 8)])))),
            subject: CallSubject(resource: group, items: ["10.0.0.1:80", "fn-arn", "10.0.0.2:65535"]),
            answer: AnswerSummary(successful: ["10.0.0.1:80"], unsuccessful: ["fn-arn", ":8"])),
        Evidence(
            name: "RegisterTargets answered with neither list",
            request: .lattice(.registerTargets(
                RegisterTargetsInput(targetGroupIdentifier: group, targets: [targets[0]]))),
            result: .response(.lattice(.registerTargets(RegisterTargetsOutput()))),
            subject: CallSubject(resource: group, items: ["10.0.0.1:80"]),
            answer: AnswerSummary(successful: [])),
        Evidence(
            name: "RegisterTargets, every target successful (the request stands for the answer)",
            request: .lattice(.registerTargets(RegisterTargetsInput(targetGroupIdentifier: group, targets: targets))),
            result: .response(.lattice(.registerTargets(RegisterTargetsOutput(successful: targets, unsuccessful: [])))),
            subject: CallSubject(resource: group, items: ["10.0.0.1:80", "fn-arn", "10.0.0.2:65535"]),
            answer: AnswerSummary()),
        Evidence(
            name: "DeregisterTargets",
            request: .lattice(.deregisterTargets(
                DeregisterTargetsInput(targetGroupIdentifier: group, targets: targets))),
            result: .response(.lattice(.deregisterTargets(DeregisterTargetsOutput(
                successful: [targets[2]], unsuccessful: [TargetFailure(id: "fn-arn")])))),
            subject: CallSubject(resource: group, items: ["10.0.0.1:80", "fn-arn", "10.0.0.2:65535"]),
            answer: AnswerSummary(successful: ["10.0.0.2:65535"])),
        Evidence(
            name: "RegisterInstance answered",
            request: .cloudMap(.registerInstance(RegisterInstanceInput(
                serviceId: "srv-1", instanceId: "i-1", attributes: ["b": "2", "AWS_INSTANCE_IPV4": "10.1.0.1"]))),
            result: .response(.cloudMap(.registerInstance(RegisterInstanceOutput(operationId: "op-1")))),
            subject: CallSubject(
                resource: "srv-1", items: ["i-1"],
                attributesDigest: InstanceDigest.of(
                    serviceId: "srv-1", instanceId: "i-1", attributes: ["AWS_INSTANCE_IPV4": "10.1.0.1", "b": "2"])),
            answer: AnswerSummary(operationId: "op-1")),
        Evidence(
            name: "RegisterInstance refused as a duplicate",
            request: .cloudMap(.registerInstance(
                RegisterInstanceInput(serviceId: "srv-1", instanceId: "i-1", attributes: [:]))),
            result: .serviceError(ServiceError(
                code: "DuplicateRequest", httpStatus: 400, message: "in flight",
                fields: ["DuplicateOperationId": .string("op-0")])),
            subject: CallSubject(
                resource: "srv-1", items: ["i-1"],
                attributesDigest: InstanceDigest.of(serviceId: "srv-1", instanceId: "i-1", attributes: [:])),
            answer: AnswerSummary(operationId: "op-0")),
        Evidence(
            name: "BatchGetDeploymentTargets, in answer order",
            request: .codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(
                deploymentId: "d-1", targetIds: ["i-2", "i-1", "i-2"]))),
            result: .response(.codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsOutput(
                deploymentTargets: [
                    DeploymentTarget(
                        deploymentTargetType: "InstanceTarget", instanceTarget: InstanceTarget(targetId: "i-1")),
                    DeploymentTarget(),
                ])))),
            subject: CallSubject(resource: "d-1", items: ["i-2", "i-1", "i-2"]),
            answer: AnswerSummary(targetIds: ["i-1", ""], targetTypes: ["InstanceTarget", ""])),
        Evidence(
            name: "BatchGetDeploymentTargets, as requested (the request stands for the ids, one type for all)",
            request: .codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(
                deploymentId: "d-1", targetIds: ["i-1", "i-2", "i-3"]))),
            result: .response(.codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsOutput(
                deploymentTargets: ["i-1", "i-2", "i-3"].map {
                    DeploymentTarget(
                        deploymentTargetType: "InstanceTarget", instanceTarget: InstanceTarget(targetId: $0))
                })))),
            subject: CallSubject(resource: "d-1", items: ["i-1", "i-2", "i-3"]),
            answer: AnswerSummary(targetTypes: ["InstanceTarget"])),
        Evidence(
            name: "BatchGetDeploymentTargets, as requested but of two types",
            request: .codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(
                deploymentId: "d-1", targetIds: ["i-1", "i-2", "i-3"]))),
            result: .response(.codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsOutput(
                deploymentTargets: zip(["i-1", "i-2", "i-3"], ["InstanceTarget", "ECSTarget", "InstanceTarget"]).map {
                    DeploymentTarget(deploymentTargetType: $1, instanceTarget: InstanceTarget(targetId: $0))
                })))),
            subject: CallSubject(resource: "d-1", items: ["i-1", "i-2", "i-3"]),
            answer: AnswerSummary(targetTypes: ["InstanceTarget", "ECSTarget"])),
        Evidence(
            name: "throttled, with no evidence",
            request: .codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsInput(deploymentId: "d-1"))),
            result: .serviceError(ServiceError(code: "ThrottlingException", httpStatus: 400, message: "slow down")),
            subject: CallSubject(resource: "d-1"), answer: nil),
        Evidence(
            name: "no answer at all",
            request: .lattice(.registerTargets(
                RegisterTargetsInput(targetGroupIdentifier: group, targets: [targets[1]]))),
            result: .failure(TransportFailure(kind: "timeout", detail: "read", requestSent: true)),
            subject: CallSubject(resource: group, items: ["fn-arn"]), answer: nil),
        Evidence(
            name: "an operation the checker does not look into",
            request: .lattice(.getTargetGroup(GetTargetGroupInput(targetGroupIdentifier: group))),
            result: .response(.lattice(.getTargetGroup(GetTargetGroupOutput(id: group)))),
            subject: CallSubject(), answer: nil),
    ]

    @Test(arguments: evidence)
    func subjectAndAnswerCarryTheEvidence(_ case: Evidence) throws {
        let call = Self.call(
            request: `case`.request, result: `case`.result,
            attempts: [Self.attempt(number: 1, token: "tok", result: `case`.result)])
        let record = try Self.expectCanonical(HistoryLine(call, request: `case`.request))
        #expect(record?.subject == `case`.subject)
        #expect(record?.answer == `case`.answer)
        #expect(HistoryLine(call, request: `case`.request).resource == `case`.subject.resource)
    }

    /// Every member of the call and its attempts lands in the record's member of that name.
    @Test func callAndAttemptMembersAreWrittenAsTheyAre() throws {
        let request = Self.evidence[2].request
        let result = AttemptResult.serviceError(ServiceError(code: "Throttled", httpStatus: 429, message: ""))
        var failed = Self.attempt(number: 1, token: nil, result: result)
        failed.faults = [Self.fault("throttle"), Self.fault("lose-response")]
        let retried = Self.attempt(number: 2, token: "t2", result: result)
        var call = Self.call(request: request, result: result, attempts: [failed, retried])
        call.giveUpReason = .maxAttempts
        call.outcome = .fail
        call.phase = "steady"
        call.token = "t1"
        let record = try #require(try Self.expectCanonical(HistoryLine(call, request: request)))
        #expect(record.sequence == call.sequence && record.invocationId == call.invocationId)
        #expect(record.service == "vpc-lattice" && record.operation == "RegisterTargets")
        #expect(record.parameterDigest == nil && record.token == "t1" && record.phase == "steady")
        #expect(record.outcome == .fail && record.giveUp == GiveUpReason.maxAttempts.rawValue)
        #expect(record.intendedStart == 11 && record.start == 12 && record.end == 99)
        #expect(record.attempts.count == 2)
        let first = try #require(record.attempts.first)
        #expect(first.number == 1 && first.token == nil && first.requestId == "request-1")
        #expect(first.backoff == 1_001 && first.intendedSend == 1_002)
        #expect(first.actualSend == 1_003 && first.end == 1_004)
        #expect(first.status == 429 && first.error == "Throttled" && first.failure == nil && !first.afterSend)
        #expect(first.faults == ["throttle", "lose-response"])
        #expect(record.attempts[1].token == "t2" && record.attempts[1].faults == [])
    }

    /// The parameter digest is written only where the subject does not hold every parameter (CreateTargetGroup's
    /// subject is its name alone), and then it is the request's.
    @Test(arguments: evidence)
    func theDigestIsWrittenWhereTheSubjectLacksParameters(_ case: Evidence) throws {
        let call = Self.call(request: `case`.request, result: `case`.result, attempts: [])
        let record = try #require(try Self.expectCanonical(HistoryLine(call, request: `case`.request)))
        switch `case`.request {
        case .lattice(.createTargetGroup), .lattice(.getTargetGroup):
            #expect(record.parameterDigest == `case`.request.parameterDigest)
        default:
            #expect(record.parameterDigest == nil)
        }
    }

    /// What a line leaves out because the request says it reads back as the request's: every requested target
    /// acknowledged, every requested id returned.
    @Test func leftOutAnswersReadBackAsTheRequest() throws {
        /// The record the line of the evidence case named `prefix` reads back as.
        func read(_ prefix: String) throws -> HistoryRecord {
            let evidence = try #require(Self.evidence.first { $0.name.hasPrefix(prefix) }, "no case \(prefix)")
            let call = Self.call(request: evidence.request, result: evidence.result, attempts: [])
            return try #require(try Self.expectCanonical(HistoryLine(call, request: evidence.request)))
        }
        let registered = try read("RegisterTargets, every target successful")
        #expect(registered.answer?.successful == nil)
        #expect(registered.acknowledgedTargets == ["10.0.0.1:80", "fn-arn", "10.0.0.2:65535"])
        #expect(try read("RegisterTargets, partly unsuccessful").acknowledgedTargets == ["10.0.0.1:80"])
        let asRequested = try read("BatchGetDeploymentTargets, as requested (")
        #expect(asRequested.answer?.targetIds == nil && asRequested.returnedTargetIds == ["i-1", "i-2", "i-3"])
        #expect(try read("BatchGetDeploymentTargets, in answer order").returnedTargetIds == ["i-1", ""])
        let unanswered = try read("no answer at all")
        #expect(unanswered.acknowledgedTargets.isEmpty && unanswered.returnedTargetIds == nil)
    }

    /// An attempt's `afterSend`, `backoff` and `faults` are left out when false, 0 and empty, and read back so.
    @Test func defaultAttemptMembersAreLeftOut() throws {
        let request = Self.evidence[0].request
        let result = Self.evidence[0].result
        var plain = Self.attempt(number: 1, token: "t", result: result)
        plain.backoffNanoseconds = 0
        let call = Self.call(request: request, result: result, attempts: [plain])
        let text = String(decoding: GeneratedJSONValues.ownBytes(HistoryLine(call, request: request)), as: UTF8.self)
        for member in ["afterSend", "backoff", "faults"] { #expect(!text.contains("\"\(member)\""), "\(text)") }
        let attempt = try #require(try Self.expectCanonical(HistoryLine(call, request: request))?.attempts.first)
        #expect(!attempt.afterSend && attempt.backoff == 0 && attempt.faults.isEmpty)
    }

    /// Lines written before members were left out (every member present, answers repeating the request) read as
    /// they did, with both readers: the checker's and `JSONDecoder`.
    @Test func linesWithEveryMemberStillRead() throws {
        let attempt = #"{"actualSend":3,"afterSend":false,"backoff":0,"end":4,"faults":[],"intendedSend":2,"number":1,"#
            + #""requestId":"r1"}"#
        let registered = #"{"answer":{"successful":["10.0.0.1:80"],"unsuccessful":[]},"attempts":["# + attempt
            + #"],"end":5,"intendedStart":1,"invocationId":"v1","operation":"RegisterTargets","outcome":"ok","#
            + #""parameterDigest":"11db4cf4e7c5c26a","phase":"p","sequence":0,"service":"vpc-lattice","start":1,"#
            + #""subject":{"items":["10.0.0.1:80","10.0.0.2:80"],"resource":"tg-1"}}"#
        let batch = #"{"answer":{"targetIds":["i-1","i-2"],"targetTypes":["InstanceTarget","InstanceTarget"]},"#
            + #""attempts":["# + attempt + #"],"end":5,"intendedStart":1,"invocationId":"v2","#
            + #""operation":"BatchGetDeploymentTargets","outcome":"ok","parameterDigest":"c5be780cfda53769","#
            + #""sequence":1,"service":"codedeploy","start":1,"subject":{"items":["i-1","i-2"],"resource":"d-1"}}"#
        for line in [registered, batch] {
            let fast = try #require(HistoryJSONLineDecodingTests.fastRead(line, as: HistoryRecord.self))
            #expect(fast == (try JSONDecoder().decode(HistoryRecord.self, from: Data(line.utf8))))
            #expect(fast.attempts.first == HistoryAttempt(
                number: 1, token: nil, requestId: "r1", backoff: 0, intendedSend: 2, actualSend: 3, end: 4))
            #expect(fast.parameterDigest != nil)
        }
        let readRegistered = HistoryJSONLineDecodingTests.fastRead(registered, as: HistoryRecord.self)
        #expect(readRegistered?.acknowledgedTargets == ["10.0.0.1:80"])
        let readBatch = HistoryJSONLineDecodingTests.fastRead(batch, as: HistoryRecord.self)
        #expect(readBatch?.returnedTargetIds == ["i-1", "i-2"])
    }

    @Test(arguments: oddStrings)
    func oddStringsAreWrittenAsJSONEncoderWritesThem(_ text: String) throws {
        let request = AWSRequest.lattice(.registerTargets(RegisterTargetsInput(
            targetGroupIdentifier: text, targets: [Target(id: text, port: 1), Target(id: text)])))
        let result = AttemptResult.failure(TransportFailure(kind: text, detail: text, requestSent: true))
        var attempt = Self.attempt(number: 1, token: text, result: result)
        attempt.requestId = text
        attempt.faults = [Self.fault(text)]
        var call = Self.call(request: request, result: result, attempts: [attempt])
        call.invocationId = text
        call.token = text
        call.phase = text
        let record = try #require(try Self.expectCanonical(HistoryLine(call, request: request)))
        #expect(record.invocationId == text && record.phase == text && record.subject.resource == text)
        #expect(record.subject.items == [text + ":1", text])
        #expect(record.attempts.first?.failure == text && record.attempts.first?.afterSend == true)

        let answered = AttemptResult.response(.codeDeploy(.batchGetDeploymentTargets(BatchGetDeploymentTargetsOutput(
            deploymentTargets: [
                DeploymentTarget(deploymentTargetType: text, instanceTarget: InstanceTarget(targetId: text))
            ]))))
        let batch = AWSRequest.codeDeploy(.batchGetDeploymentTargets(
            BatchGetDeploymentTargetsInput(deploymentId: text, targetIds: [text])))
        let read = try Self.expectCanonical(
            HistoryLine(Self.call(request: batch, result: answered, attempts: []), request: batch))
        #expect(read?.answer == AnswerSummary(targetTypes: [text]) && read?.returnedTargetIds == [text])
    }

    /// Seeded calls of every kind above, with every optional member present and absent, odd strings and integer
    /// extremes: every line is canonical, and its members are the call's.
    @Test func generatedCallsWriteCanonicalLines() throws {
        typealias Generate = GeneratedJSONValues
        var random = SplitMix64(seed: 31)
        for _ in 0..<300 {
            let evidence = Self.evidence[Int(random.next() % UInt64(Self.evidence.count))]
            let attempts = (0..<Int(random.next() % 4)).map { number in
                AttemptRecord(
                    number: Int(truncatingIfNeeded: Generate.extreme(&random)),
                    token: Generate.optional(&random, Generate.string), requestId: Generate.string(&random),
                    backoffNanoseconds: Generate.extreme(&random),
                    intendedSend: Instant(nanoseconds: Generate.extreme(&random)),
                    actualSend: Instant(nanoseconds: Generate.extreme(&random)),
                    end: Instant(nanoseconds: Generate.extreme(&random)), limiterWaitNanoseconds: 0, summary: "",
                    httpStatus: Generate.optional(&random) { Int(truncatingIfNeeded: Generate.extreme(&$0)) },
                    errorCode: Generate.optional(&random, Generate.string),
                    failureKind: Generate.optional(&random, Generate.string), failureAfterSend: random.next() % 2 == 0,
                    faults: Generate.strings(&random).map(Self.fault))
            }
            var call = Self.call(request: evidence.request, result: evidence.result, attempts: attempts)
            call.sequence = Generate.extreme(&random)
            call.invocationId = Generate.string(&random)
            call.token = Generate.optional(&random, Generate.string)
            call.phase = Generate.optional(&random, Generate.string)
            call.outcome = [.ok, .fail, .unknown][Int(random.next() % 3)]
            let reasons = GiveUpReason.allCases
            call.giveUpReason = Generate.optional(&random) { reasons[Int($0.next() % UInt64(reasons.count))] }
            call.intendedStart = Instant(nanoseconds: Generate.extreme(&random))
            call.start = Instant(nanoseconds: Generate.extreme(&random))
            call.end = Instant(nanoseconds: Generate.extreme(&random))
            let record = try #require(try Self.expectCanonical(HistoryLine(call, request: evidence.request)))
            #expect(record.sequence == call.sequence && record.invocationId == call.invocationId)
            #expect(record.token == call.token && record.phase == call.phase && record.outcome == call.outcome)
            #expect(record.giveUp == call.giveUpReason?.rawValue && record.end == call.end.nanoseconds)
            #expect(record.attempts.map(\.number) == attempts.map(\.number))
            #expect(record.attempts.map(\.status) == attempts.map(\.httpStatus))
            #expect(record.attempts.map(\.faults) == attempts.map { $0.faults.map(\.kind) })
            #expect(record.subject == evidence.subject && record.answer == evidence.answer)
        }
    }

    /// Calls from the real pipeline (faults, retries, tokens) against the emulator: every line is canonical.
    @Test func pipelineCallsWriteCanonicalLines() async throws {
        let rig = try CheckerRig(seed: 12, faults: MutationTests.heavyChaos)
        let lines = await rig.runLines(calls: 120)
        var outcomes: Set<CallOutcome> = []
        for line in lines {
            let record = try Self.expectCanonical(line)
            outcomes.insert(line.call.outcome)
            #expect(record?.attempts.count == line.call.attempts.count)
        }
        #expect(outcomes.count >= 2, "the faults gave more than one outcome")
    }

    // MARK: - Building calls

    static func call(request: AWSRequest, result: AttemptResult, attempts: [AttemptRecord]) -> CallRecord {
        CallRecord(
            sequence: UInt64.max, invocationId: "invocation-1", service: request.service,
            operation: request.operationName, token: nil, phase: nil, intendedStart: Instant(nanoseconds: 11),
            start: Instant(nanoseconds: 12), end: Instant(nanoseconds: 99), attempts: attempts,
            outcome: result.isSuccess ? .ok : .unknown, giveUpReason: nil, backoffNanoseconds: 0,
            finalResult: result)
    }

    static func attempt(number: Int, token: String?, result: AttemptResult) -> AttemptRecord {
        AttemptRecord(
            number: number, token: token, requestId: "request-\(number)", backoffNanoseconds: 1_001,
            intendedSend: Instant(nanoseconds: 1_002), actualSend: Instant(nanoseconds: 1_003),
            end: Instant(nanoseconds: 1_004), limiterWaitNanoseconds: 0, summary: result.summary,
            httpStatus: result.serviceError?.httpStatus, errorCode: result.errorCode,
            failureKind: result.transportFailure?.kind, failureAfterSend: result.transportFailure?.requestSent ?? false,
            faults: [])
    }

    static func fault(_ kind: String) -> FaultEvent {
        FaultEvent(
            time: Instant(nanoseconds: 0), operation: "", callId: "", attempt: 1, kind: kind, detail: "", faultIndex: 0)
    }
}
