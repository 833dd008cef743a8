# bash completion for laer. Load it with: source <(laer completions bash)
# File names are split only at line ends and inserted quoted, so "my answers.csv" stays whole.
_laer_files() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY=($(compgen -f -- "$cur"))
}
_laer() {
    local cur="${COMP_WORDS[COMP_CWORD]}"
    local prev="${COMP_WORDS[COMP_CWORD-1]}"
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "survey score diff trend template validate questionnaire completions help --help --version" -- "$cur"))
        return
    fi
    case "${COMP_WORDS[1]}" in
        survey)
            case "$prev" in
                --name) COMPREPLY=(); return ;;
                --role) COMPREPLY=(); return ;;
                --organization) COMPREPLY=(); return ;;
                --period) COMPREPLY=(); return ;;
                --from) _laer_files; return ;;
                --questionnaire) _laer_files; return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--plain --name --role --organization --period --from --questionnaire --color --help" -- "$cur"))
            else
                _laer_files
            fi
            ;;
        score)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json html csv" -- "$cur")); return ;;
                --target) COMPREPLY=($(compgen -W "traditional-transactional laer-experiment laer-effective laer-efficient" -- "$cur")); return ;;
                --out|-o) _laer_files; return ;;
                --by) COMPREPLY=($(compgen -W "organization" -- "$cur")); return ;;
                --peers) _laer_files; return ;;
                --salt-file) _laer_files; return ;;
                --columns) COMPREPLY=(); return ;;
                --questionnaire) _laer_files; return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --target --out --by --peers --anonymize --drop-roles --salt-file --columns --questionnaire --color --help" -- "$cur"))
            else
                _laer_files
            fi
            ;;
        diff)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json html csv" -- "$cur")); return ;;
                --by) COMPREPLY=($(compgen -W "organization" -- "$cur")); return ;;
                --out|-o) _laer_files; return ;;
                --questionnaire) _laer_files; return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --by --fail-on-regression --allow-different-organizations --out --git --questionnaire --color --help" -- "$cur"))
            else
                _laer_files
            fi
            ;;
        trend)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json csv html" -- "$cur")); return ;;
                --out|-o) _laer_files; return ;;
                --questionnaire) _laer_files; return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --out --questionnaire --color --help" -- "$cur"))
            else
                _laer_files
            fi
            ;;
        template)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "json csv wide-csv markdown html" -- "$cur")); return ;;
                --out|-o) _laer_files; return ;;
                --name) COMPREPLY=(); return ;;
                --role) COMPREPLY=(); return ;;
                --organization) COMPREPLY=(); return ;;
                --period) COMPREPLY=(); return ;;
                --from) _laer_files; return ;;
                --questionnaire) _laer_files; return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --out --name --role --organization --period --from --questionnaire --help" -- "$cur"))
            else
                COMPREPLY=()
            fi
            ;;
        validate)
            case "$prev" in
                --columns) COMPREPLY=(); return ;;
                --questionnaire) _laer_files; return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--columns --questionnaire --help" -- "$cur"))
            else
                _laer_files
            fi
            ;;
        questionnaire)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")); return ;;
                --questionnaire) _laer_files; return ;;
                --release) COMPREPLY=(); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --questionnaire --release --history --color --help" -- "$cur"))
            else
                COMPREPLY=()
            fi
            ;;
        completions)
            case "$prev" in
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--help" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))
            fi
            ;;
        help)
            case "$prev" in
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--help" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "survey score diff trend template validate questionnaire completions" -- "$cur"))
            fi
            ;;
    esac
}
complete -o bashdefault -o default -F _laer laer
