# bash completion for fundcheck (installed by `make install` into
# share/bash-completion/completions/fundcheck).
_fundcheck()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cmd=${COMP_WORDS[1]}
    local commands="check validate evaluate scan merge report diff rules catalog verify"
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands --help --version -V" -- "$cur"))
        return
    fi
    case $prev in
    --format)
        case $cmd in
        check) COMPREPLY=($(compgen -W "text json sarif junit html csv gcc" -- "$cur")) ;;
        report) COMPREPLY=($(compgen -W "text json csv html" -- "$cur")) ;;
        diff) COMPREPLY=($(compgen -W "text json csv sarif junit" -- "$cur")) ;;
        esac
        return ;;
    --lang) COMPREPLY=($(compgen -W "zh en" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --fail-on | --min-severity) COMPREPLY=($(compgen -W "notice warning violation" -- "$cur")); return ;;
    --only) COMPREPLY=($(compgen -W "new resolved unchanged new,resolved new,resolved,unchanged" -- "$cur")); return ;;
    --output | -o) COMPREPLY=($(compgen -W "sarif= junit= html= csv= json= text= gcc=" -- "$cur")); compopt -o nospace 2>/dev/null; return ;;
    --db | --files-from | --config | --thresholds) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --rules | --catalog-dir | --evidence) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    esac
    local opts
    case $cmd in
    check) opts="--format --output --lang --color --quiet --min-severity --fail-on --rule --exclude-rule --all-notices --files-from --jobs --rules --catalog-dir --config --profile --evidence --help" ;;
    validate) opts="--lang --help" ;;
    evaluate) opts="--lang --thresholds --rules --catalog-dir --help" ;;
    scan) opts="--db --jobs --force --lang --fail-on --no-progress --recompute-lookthrough --rules --catalog-dir --help" ;;
    merge) opts="--db --lang --rules --catalog-dir --help" ;;
    report) opts="--db --format --output --quiet --fund --lang --dump --layout --min-funds --min-share --evaluate --thresholds --help" ;;
    diff) opts="--db --format --output --only --fail-on --lang --help" ;;
    verify) opts="--db --rules --catalog-dir --help" ;;
    rules) opts="list show test corpus doc --lang --rules --cases --help" ;;
    catalog) opts="import stats show search list --help" ;;
    esac
    if [[ $cur == -* ]] || [ "$cmd" = rules ] || [ "$cmd" = catalog ]; then
        COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}
complete -o filenames -F _fundcheck fundcheck
