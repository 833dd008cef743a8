#compdef laer
# zsh completion for laer. Load it with: source <(laer completions zsh)
# (after compinit), or save it as _laer in a directory of $fpath.
_laer() {
    local -a commands
    commands=(
        'survey:Answer the questionnaire interactively; every answer is saved to FILE at once, and running it again resumes at the first unanswered question'
        'score:Score assessments against the four phases and write the gap analysis\: where you stand, what holds you back, and the next moves'
        'diff:Compare two assessments\: what moved per marker and overall, which capabilities improved or regressed, which gaps closed or opened, and the next moves now'
        'trend:Show each organization'\''s phase and indices period by period, overall and per marker, with the change each quarter'
        'template:Write a blank answer file (json), the answer sheet for a spreadsheet (csv), the header a survey tool'\''s export must match (wide-csv), a printable questionnaire for a paper interview (markdown), or the questionnaire as one HTML form that a respondent fills in a browser, offline (html)'
        'validate:Check questionnaires and every input score takes, and report every problem with its place'
        'questionnaire:Show the questionnaire\: the phases, each marker'\''s profiles, and every capability with its source'
        'completions:Print a shell completion script for bash, zsh or fish'
        'help:Show help for laer or for one command'
    )
    if (( CURRENT == 2 )); then
        _describe -t commands 'laer command' commands
        _arguments '--help[Show help]' '--version[Print the version]'
        return
    fi
    local command=${words[2]}
    shift words
    (( CURRENT-- ))
    case $command in
        survey)
            _arguments -s \
                '--plain[Line mode even on a terminal\: one plain prompt per question, no cursor movement]' \
                '--name[The respondent'\''s name, so the survey does not ask for it]:name: ' \
                '--role[The respondent'\''s role, such as CRO]:role: ' \
                '--organization[The respondent'\''s company or organization]:org: ' \
                '--period[The reporting period the answers are for, such as 2026-Q4]:period: ' \
                '--from[A re-assessment\: last time'\''s answer file or CSV sheet, whose respondent starts a new FILE and whose answers are each question'\''s default]:previous:_files' \
                '--questionnaire[Use this laer-questionnaire/1 file instead of the built-in questionnaire]:file:_files' \
                '--color[Colour the output\: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never]:when:(auto always never)' \
                '(-h --help)'{-h,--help}'[Show this help]' \
                ':file:_files'
            ;;
        score)
            _arguments -s \
                '(-f --format)'{-f,--format}'[Output format\: text, markdown, json, html, csv]:format:(text markdown json html csv)' \
                '--target[The phase to plan for\: 1–4, traditional, experiment, effective or efficient, or a phase id such as laer-effective]:phase:(traditional-transactional laer-experiment laer-effective laer-efficient)' \
                '(-o --out)'{-o,--out}'[Write the report to this file, in the format its extension names; or, for several inputs, a directory input, a path ending in / or an existing directory, one report per result in that directory, with summary.csv]:path:_files' \
                '--by[Merge the respondents of each organization and period into one result, with where they disagree; names match whatever their case, spaces or trailing full stop]:group:(organization)' \
                '--peers[Place each result among the organizations assessed in DIR (each merged, its latest period)\: the percentile of the overall and each marker index]:dir:_files' \
                '--anonymize[Replace respondent names by pseudonyms, the same for the same person within this run (or across runs with --salt-file); roles stay, and who rated what in a disagreement is left out]' \
                '--drop-roles[With --anonymize\: leave respondents'\'' roles out too]' \
                '--salt-file[With --anonymize\: keep pseudonyms the same across runs by the salt in FILE, which is made when missing]:file:_files' \
                '--columns[Name a wide export'\''s columns where a survey tool named them its own way\: respondent=Full name, organization=Company, assessedOn=Submitted, role=Title, period=Quarter (or a capability id=its question'\''s header)]:map: ' \
                '--questionnaire[Use this laer-questionnaire/1 file instead of the built-in questionnaires; repeat it to give each version the answers were made with]:file:_files' \
                '--color[Colour the output\: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never]:when:(auto always never)' \
                '(-h --help)'{-h,--help}'[Show this help]' \
                '*:input:_files'
            ;;
        diff)
            _arguments -s \
                '(-f --format)'{-f,--format}'[Output format\: text, markdown, json, html, csv]:format:(text markdown json html csv)' \
                '--by[Merge each side per organization, even for single files, and diff organization by organization]:group:(organization)' \
                '--fail-on-regression[Exit with 1 when any marker'\''s phase or index went down (after writing the report)]' \
                '--allow-different-organizations[Compare two single assessments even when they name different organizations]' \
                '(-o --out)'{-o,--out}'[Write the diff to this file, or, for several organizations, one diff per organization into this directory]:path:_files' \
                '--git[Be git'\''s external diff driver\: take git'\''s seven arguments and print a text diff]' \
                '--questionnaire[Use this laer-questionnaire/1 file instead of the built-in questionnaires; repeat it to give each version the answers were made with]:file:_files' \
                '--color[Colour the output\: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never]:when:(auto always never)' \
                '(-h --help)'{-h,--help}'[Show this help]' \
                ':old:_files' \
                ':new:_files' \
                '*:git-arguments:_files'
            ;;
        trend)
            _arguments -s \
                '(-f --format)'{-f,--format}'[Output format\: text, markdown, json, csv, html]:format:(text markdown json csv html)' \
                '(-o --out)'{-o,--out}'[Write the trend to this file instead of standard output]:file:_files' \
                '--questionnaire[Use this laer-questionnaire/1 file instead of the built-in questionnaires; repeat it to give each version the answers were made with]:file:_files' \
                '--color[Colour the output\: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never]:when:(auto always never)' \
                '(-h --help)'{-h,--help}'[Show this help]' \
                '*:input:_files'
            ;;
        template)
            _arguments -s \
                '(-f --format)'{-f,--format}'[Output format\: json, csv, wide-csv, markdown, html]:format:(json csv wide-csv markdown html)' \
                '(-o --out)'{-o,--out}'[Write the template to FILE instead of standard output]:file:_files' \
                '--name[The respondent'\''s name, filled in (json, csv, markdown, html)]:name: ' \
                '--role[The respondent'\''s role, such as CRO]:role: ' \
                '--organization[The respondent'\''s company or organization]:org: ' \
                '--period[The reporting period the answers are for, such as 2026-Q4]:period: ' \
                '--from[The HTML form as a re-assessment\: last time'\''s answer file or CSV sheet, whose respondent starts the form and whose answers it shows until each is kept or changed]:previous:_files' \
                '--questionnaire[Use this laer-questionnaire/1 file instead of the built-in questionnaire]:file:_files' \
                '(-h --help)'{-h,--help}'[Show this help]'
            ;;
        validate)
            _arguments -s \
                '--columns[Name a wide export'\''s columns where a survey tool named them its own way\: respondent=Full name, organization=Company, assessedOn=Submitted, role=Title, period=Quarter (or a capability id=its question'\''s header)]:map: ' \
                '--questionnaire[Use this laer-questionnaire/1 file instead of the built-in questionnaires; repeat it to give each version the answers were made with]:file:_files' \
                '(-h --help)'{-h,--help}'[Show this help]' \
                '*:input:_files'
            ;;
        questionnaire)
            _arguments -s \
                '(-f --format)'{-f,--format}'[Output format\: text, markdown, json]:format:(text markdown json)' \
                '--questionnaire[Use this laer-questionnaire/1 file instead of the built-in questionnaire]:file:_files' \
                '--release[Show this released version of the built-in questionnaire, such as 1.0.0]:version: ' \
                '--history[List the built-in versions and what changed between each two]' \
                '--color[Colour the output\: auto (only on a terminal, and not with NO_COLOR or TERM=dumb), always or never]:when:(auto always never)' \
                '(-h --help)'{-h,--help}'[Show this help]'
            ;;
        completions)
            _arguments -s \
                '(-h --help)'{-h,--help}'[Show this help]' \
                ':shell:(bash zsh fish)'
            ;;
        help)
            _arguments -s \
                '(-h --help)'{-h,--help}'[Show this help]' \
                ':command:(survey score diff trend template validate questionnaire completions)'
            ;;
    esac
}
if [[ ${zsh_eval_context[-1]} == loadautofunc ]]; then
    _laer "$@"
else
    compdef _laer laer
fi
