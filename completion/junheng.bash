# bash completion for junheng(1)
_junheng()
{
    local cur prev cmd
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "report sheets figures check diff render init serve --help --version" -- "$cur"))
        return
    fi
    cmd=${COMP_WORDS[1]}
    case $prev in
        -c|--config) COMPREPLY=($(compgen -f -X '!*.ini' -- "$cur") $(compgen -d -- "$cur")); return ;;
        --old-data) COMPREPLY=($(compgen -f -X '!*.csv' -- "$cur") $(compgen -d -- "$cur")); return ;;
        --combined) COMPREPLY=($(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur")); return ;;
        -o|--output)
            if [ "$cmd" = sheets ]; then COMPREPLY=($(compgen -d -- "$cur"))
            elif [ "$cmd" = figures ]; then COMPREPLY=($(compgen -f -- "$cur"))
            else COMPREPLY=($(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur")); fi
            return ;;
        -f|--format)
            if [ "$cmd" = diff ]; then COMPREPLY=($(compgen -W "text json" -- "$cur"))
            else COMPREPLY=($(compgen -W "json csv template xlsx" -- "$cur")); fi
            return ;;
        -j|--jobs|--school|--date|--listen|--timeout|--county|--year) return ;;
        --scheme) COMPREPLY=($(compgen -W "basic quality" -- "$cur")); return ;;
        --keys) COMPREPLY=($(compgen -W "text md man" -- "$cur")); return ;;
        --root) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --token-file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    esac
    local opts
    case $cmd in
        report)  opts="-c --config -o --output -q --quiet -h --help" ;;
        sheets)  opts="-c --config -o --output --combined --school -j --jobs -q --quiet -h --help" ;;
        figures) opts="-c --config -f --format -o --output -h --help" ;;
        init)    opts="--county --year --scheme -h --help" ;;
        check)   opts="-c --config -q --quiet --keys -h --help" ;;
        diff)    opts="-c --config --old-data -f --format -q --quiet -h --help" ;;
        render)  opts="-o -c --date" ;;
        serve)   opts="--root --listen --token-file -j --jobs --timeout -h --help" ;;
    esac
    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "$opts" -- "$cur"))
    elif [ "$cmd" = render ]; then COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
    elif [ "$cmd" = init ]; then COMPREPLY=($(compgen -d -- "$cur"))
    fi
}
complete -F _junheng junheng
