import LAERFormats
import LAERReports
import LAERValues

/// The questionnaire as one self-contained HTML form (`laer template --format html`).
///
/// It is answered in a browser, offline, kept in the browser's storage as it goes, and
/// downloaded as a `laer-answers/1` file for `laer score`. It does not score.
///
/// The markup is written here, so the form reads and prints without its script; the script
/// keeps, restores and downloads the answers, reading the questionnaire from an embedded JSON
/// block. Nothing is loaded from anywhere: the page's Content-Security-Policy allows its own
/// script and style sheet, by hash, and nothing else.
package enum AnswerForm {
    /// What the form starts with: the respondent and period given on the command line, and last
    /// time's answers, offered until the respondent keeps or changes each.
    package struct Prefill: Sendable, Equatable {
        package var respondent: Respondent
        package var period: String?
        /// Last time's assessment.
        package var previous: Assessment?
        /// The name of the file `previous` came from, as the form shows it.
        package var previousFile: String?

        package init(
            respondent: Respondent = Respondent(), period: String? = nil, previous: Assessment? = nil,
            previousFile: String? = nil
        ) {
            self.respondent = respondent
            self.period = period
            self.previous = previous
            self.previousFile = previousFile
        }
    }

    /// The whole page.
    package static func document(for questionnaire: Questionnaire, prefill: Prefill = Prefill()) -> String {
        let data = dataBlock(for: questionnaire, prefill: prefill)
        let policy = [
            "default-src 'none'", "script-src 'sha256-\(SHA256.base64Digest(Array(script.utf8)))'",
            "style-src 'sha256-\(SHA256.base64Digest(Array(styleSheet.utf8)))'", "img-src 'none'", "base-uri 'none'",
            "form-action 'none'",
        ].joined(separator: "; ")
        let title = "\(questionnaire.title): answer form"
        var page = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">",
            "<meta name=\"referrer\" content=\"no-referrer\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<meta name=\"color-scheme\" content=\"light\">", "<title>\(HTML.escape(title))</title>",
            "<style>\(styleSheet)</style>", "</head>", "<body>",
            "<a class=\"skip\" href=\"#about\">Skip to the questions</a>",
        ]
        page += toolbar()
        page.append("<div class=\"layout\">")
        page += jumpList(for: questionnaire)
        page.append("<main id=\"form\">")
        page += welcome(for: questionnaire, prefill: prefill)
        page += about(prefill, in: questionnaire)
        var number = 0
        for (index, marker) in questionnaire.markers.enumerated() {
            page += section(for: marker, index: index, in: questionnaire, number: &number)
        }
        page += roadSigns(of: questionnaire)
        page += review()
        page += ["</main>", "</div>"]
        page.append("<script type=\"application/json\" id=\"laer-form-data\">\(data)</script>")
        page += ["<script>\(script)</script>", "</body>", "</html>"]
        return page.joined(separator: "\n") + "\n"
    }

    /// The element id of the capability at `index` in the questionnaire, the road sign at `index`,
    /// a marker's placement: made of the form's own characters, so no id from a questionnaire
    /// ever reaches an attribute that a selector or a fragment reads.
    static func key(capability index: Int) -> String { "c\(index)" }
    static func key(roadSign index: Int) -> String { "s\(index)" }
    static func key(placement index: Int) -> String { "p\(index)" }
    static func key(marker index: Int) -> String { "m\(index)" }

    private static func toolbar() -> [String] {
        [
            "<header class=\"toolbar\">",
            "<div class=\"overall\"><span id=\"overall-label\">Answered</span> <progress id=\"overall\" max=\"1\" value=\"0\" aria-labelledby=\"overall-label overall-count\"></progress> <span id=\"overall-count\" class=\"count\"></span></div>",
            "<p id=\"status\" class=\"status\" role=\"status\" aria-live=\"polite\">Your answers are kept in this browser as you give them.</p>",
            "<div class=\"actions\"><button type=\"button\" class=\"primary\" data-action=\"download\">Download answers</button> <button type=\"button\" data-action=\"copy\">Copy answers</button></div>",
            "</header>",
        ]
    }

    private static func jumpList(for questionnaire: Questionnaire) -> [String] {
        var items = ["<li><a href=\"#about\">About you</a></li>"]
        for (index, marker) in questionnaire.markers.enumerated() {
            let key = key(marker: index)
            items.append(
                "<li><a href=\"#\(key)\">\(HTML.escape(marker.name))</a> <span class=\"count\" id=\"\(key)-count\"></span> <progress id=\"\(key)-progress\" max=\"1\" value=\"0\" aria-label=\"\(HTML.escape(marker.name)) answered\"></progress></li>"
            )
        }
        items.append(
            "<li><a href=\"#road-signs\">Road signs</a> <span class=\"count\" id=\"road-signs-count\"></span> <progress id=\"road-signs-progress\" max=\"1\" value=\"0\" aria-label=\"Road signs answered\"></progress></li>"
        )
        items.append("<li><a href=\"#review\">Review and send</a></li>")
        return ["<nav class=\"jump\" aria-label=\"Sections\">", "<ol>"] + items + ["</ol>", "</nav>"]
    }

    private static func welcome(for questionnaire: Questionnaire, prefill: Prefill) -> [String] {
        let e = HTML.escape
        let questions = questionnaire.markers.count + questionnaire.capabilities.count + questionnaire.roadSigns.count
        var lines = [
            "<section id=\"welcome\" class=\"welcome\">", "<p class=\"eyebrow\">LAER assessment</p>",
            "<h1>\(e(questionnaire.title))</h1>",
        ]
        lines += SurveyWording.welcome(to: questionnaire).prefix(2).map { "<p>\(e($0))</p>" }
        lines.append("<p>\(e(SurveyWording.length(of: questions))). Questions you cannot answer can stay blank.</p>")
        lines.append("<dl class=\"scale\">")
        for rating in Rating.allCases {
            lines.append("<div><dt>\(e(rating.label.capitalizedFirst))</dt><dd>\(e(rating.meaning))</dd></div>")
        }
        lines.append("</dl>")
        lines.append(
            "<p class=\"keep\">Your answers are kept in this browser, on this computer, the moment you give them: close the page and open the same file again to go on (save it from your email first, and open that copy each time). Nothing is sent anywhere. When you are done, download your answers and send the file back.</p>"
        )
        if prefill.previous != nil {
            lines.append(
                "<p class=\"previous-note\">Last time's answers (\(e(prefill.previousFile ?? "the previous file"))) are filled in and marked <span class=\"mark\">last time</span>. Each counts once you keep or change it: only those go into the file you send.</p>"
            )
        }
        lines.append(
            "<noscript><p class=\"callout\">This form needs JavaScript to keep and download answers. Without it, print the form and fill it in by hand.</p></noscript>"
        )
        lines.append("</section>")
        return lines
    }

    private static func about(_ prefill: Prefill, in questionnaire: Questionnaire) -> [String] {
        let e = HTML.escape
        let fields: [(id: String, question: SurveyQuestion, value: String?, hint: String, autocomplete: String)] = [
            ("name", .respondent(.name), prefill.respondent.name, "", "name"),
            ("role", .respondent(.role), prefill.respondent.role, "Such as Chief Revenue Officer.", "organization-title"),
            ("organization", .respondent(.organization), prefill.respondent.organization, "", "organization"),
            ("period", .period, prefill.period, "Such as 2026-Q4.", "off"),
        ]
        var lines = [
            "<section id=\"about\" class=\"about\" tabindex=\"-1\">", "<h2>About you</h2>",
            "<p class=\"hint\">\(e(SurveyWording.help(for: .respondent(.name), in: questionnaire)))</p>",
            "<div class=\"details\">",
        ]
        for field in fields {
            let hint = field.hint.isEmpty ? "" : " aria-describedby=\"\(field.id)-hint\""
            lines.append(
                "<p><label for=\"\(field.id)\">\(e(SurveyWording.shortLabel(for: field.question, in: questionnaire)))</label> <input type=\"text\" id=\"\(field.id)\" name=\"\(field.id)\" maxlength=\"200\" autocomplete=\"\(field.autocomplete)\" value=\"\(e(field.value ?? ""))\"\(hint)>"
                    + (field.hint.isEmpty ? "" : " <span class=\"hint\" id=\"\(field.id)-hint\">\(e(field.hint))</span>") + "</p>"
            )
        }
        lines += ["</div>", "</section>"]
        return lines
    }

    private static func section(for marker: Marker, index: Int, in questionnaire: Questionnaire, number: inout Int)
        -> [String]
    {
        let e = HTML.escape
        let key = key(marker: index)
        var lines = [
            "<section id=\"\(key)\" class=\"marker\" tabindex=\"-1\" aria-labelledby=\"\(key)-title\">",
            "<h2 id=\"\(key)-title\">\(e(marker.name))</h2>",
        ]
        if let description = marker.description { lines.append("<p class=\"hint\">\(e(description))</p>") }
        let placement = self.key(placement: index)
        lines.append("<fieldset class=\"question placement\" id=\"\(placement)\" tabindex=\"-1\">")
        lines.append(
            "<legend>\(e(SurveyWording.placementQuestion(for: marker.id, in: questionnaire)))</legend>"
                + "<p class=\"hint\">\(e(Marker.placementRule))</p>")
        lines.append("<div class=\"profiles\">")
        for phase in PhaseID.allCases {
            lines.append(
                "<label class=\"profile\"><input type=\"radio\" name=\"\(placement)\" value=\"\(phase.rawValue)\"> <span class=\"phase-name\">\(phase.number). \(e(questionnaire.name(of: phase)))</span> <span class=\"profile-text\">\(e(marker.profiles[phase] ?? ""))</span></label>"
            )
        }
        lines.append("</div>")
        lines.append("</fieldset>")
        for phase in PhaseID.assessed {
            let capabilities = questionnaire.capabilities(of: marker.id, in: phase)
            guard !capabilities.isEmpty else { continue }
            lines.append("<h3>\(e(marker.name)): \(e(questionnaire.name(of: phase)))</h3>")
            for capability in capabilities {
                number += 1
                guard let position = questionnaire.position(of: capability.id) else { continue }
                lines += question(for: capability, key: self.key(capability: position), number: number, in: questionnaire)
            }
        }
        lines.append("</section>")
        return lines
    }

    private static func question(for capability: Capability, key: String, number: Int, in questionnaire: Questionnaire)
        -> [String]
    {
        let e = HTML.escape
        var lines = [
            "<fieldset class=\"question capability\" id=\"\(key)\" tabindex=\"-1\">",
            "<legend><span class=\"number\">\(number).</span> \(e(capability.statement))</legend>", "<div class=\"ratings\">",
        ]
        for rating in Rating.allCases {
            lines.append(
                "<label class=\"rating\"><input type=\"radio\" name=\"\(key)\" value=\"\(rating.rawValue)\"> \(e(rating.label.capitalizedFirst))</label>"
            )
        }
        lines.append("</div>")
        lines.append(
            "<details><summary>What counts as evidence</summary><p>\(e(capability.help))</p><p class=\"source\">\(e(SurveyWording.source(of: capability, in: questionnaire)))</p></details>"
        )
        lines.append(
            "<p class=\"note\"><label for=\"\(key)-note\">Note <span class=\"hint\">(optional)</span></label><textarea id=\"\(key)-note\" rows=\"2\" maxlength=\"4000\"></textarea></p>"
        )
        lines.append("</fieldset>")
        return lines
    }

    private static func roadSigns(of questionnaire: Questionnaire) -> [String] {
        let e = HTML.escape
        var lines = [
            "<section id=\"road-signs\" class=\"marker road-signs\" tabindex=\"-1\">", "<h2>Road signs</h2>",
            "<p class=\"hint\">\(e(SurveyWording.help(for: .roadSign(""), in: questionnaire)))</p>",
        ]
        for (index, sign) in questionnaire.roadSigns.enumerated() {
            let key = key(roadSign: index)
            lines.append("<fieldset class=\"question sign\" id=\"\(key)\" tabindex=\"-1\">")
            lines.append("<legend>\(e(SurveyWording.roadSignQuestion(for: sign.id, in: questionnaire)))</legend>")
            lines.append("<div class=\"ratings\">")
            for (value, label) in [("yes", "Yes"), ("no", "No")] {
                lines.append(
                    "<label class=\"rating\"><input type=\"radio\" name=\"\(key)\" value=\"\(value)\"> \(label)</label>")
            }
            lines.append("</div>")
            lines.append("</fieldset>")
        }
        lines.append("</section>")
        return lines
    }

    private static func review() -> [String] {
        [
            "<section id=\"review\" class=\"review\" tabindex=\"-1\">", "<h2>Review and send</h2>",
            "<p id=\"review-summary\" class=\"lead\"></p>", "<div id=\"review-lists\"></div>",
            "<p class=\"send\">Download your answers and send the file to the person who asked you; they score it with <code>laer score</code>.</p>",
            "<div class=\"actions\"><button type=\"button\" class=\"primary\" data-action=\"download\">Download answers</button> <button type=\"button\" data-action=\"copy\">Copy answers</button></div>",
            "<div id=\"copy-fallback\" hidden><p><label for=\"copy-text\">Your answers, to copy into an email</label></p><textarea id=\"copy-text\" rows=\"8\" readonly></textarea></div>",
            "<h3>Last time's answers</h3>",
            "<p><label for=\"load-previous\">Fill this form with last time's answers from a downloaded file</label> (or drop the file on the page): <input type=\"file\" id=\"load-previous\" accept=\".json,application/json\"></p>",
            "<h3>Start over</h3>",
            "<p><button type=\"button\" data-action=\"start-over\">Start over</button> <span class=\"hint\">Clears every answer kept in this browser for this form, after asking.</span></p>",
            "</section>",
        ]
    }
}

extension String {
    /// The text with its first letter in capitals: "Not", "N/A".
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
