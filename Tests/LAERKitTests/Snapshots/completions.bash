# bash completion for laer. Load it with: source <(laer completions bash)
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
                --name) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --role) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --organization) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --period) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --from) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --questionnaire) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--plain --name --role --organization --period --from --questionnaire --color --help" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            ;;
        score)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json html csv" -- "$cur")); return ;;
                --target) COMPREPLY=($(compgen -W "traditional-transactional laer-experiment laer-effective laer-efficient" -- "$cur")); return ;;
                --out|-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --by) COMPREPLY=($(compgen -W "organization" -- "$cur")); return ;;
                --peers) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --questionnaire) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --target --out --by --peers --anonymize --questionnaire --color --help" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            ;;
        diff)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json html csv" -- "$cur")); return ;;
                --by) COMPREPLY=($(compgen -W "organization" -- "$cur")); return ;;
                --out|-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --questionnaire) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --by --fail-on-regression --allow-different-organizations --out --git --questionnaire --color --help" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            ;;
        trend)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json csv html" -- "$cur")); return ;;
                --out|-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --questionnaire) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --out --questionnaire --color --help" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            ;;
        template)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "json csv markdown" -- "$cur")); return ;;
                --out|-o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --questionnaire) COMPREPLY=($(compgen -f -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --out --questionnaire --help" -- "$cur"))
            else
                COMPREPLY=()
            fi
            ;;
        validate)
            case "$prev" in
                --questionnaire) COMPREPLY=($(compgen -f -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--questionnaire --help" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            ;;
        questionnaire)
            case "$prev" in
                --format|-f) COMPREPLY=($(compgen -W "text markdown json" -- "$cur")); return ;;
                --questionnaire) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
            esac
            if [[ "$cur" == -* ]]; then
                COMPREPLY=($(compgen -W "--format --questionnaire --color --help" -- "$cur"))
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
