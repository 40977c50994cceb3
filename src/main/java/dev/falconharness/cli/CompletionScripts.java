package dev.falconharness.cli;

/**
 * The bash and zsh completion functions. Both are thin: they pass the words typed so far to
 * {@code falcon __complete}, cache each answer for the shell session (the JVM starts once per
 * position, not per keystroke), and filter it by what is typed.
 */
final class CompletionScripts {
    static final String BASH = """
            # bash completion for falcon (falcon-harness). Load it with:
            #   source <(falcon completion bash)
            # or save it as ~/.local/share/bash-completion/completions/falcon
            declare -gA _falcon_cache 2>/dev/null

            _falcon_complete() {
                local line=${COMP_LINE:0:COMP_POINT}
                local -a words
                # Split the line here: bash's own COMP_WORDS would cut name=value at the '='.
                read -ra words <<< "$line"
                [[ -z $line || $line == *[[:space:]] ]] && words+=("")
                local cur=${words[${#words[@]}-1]}
                local key="${words[*]:1:${#words[@]}-2}|"
                [[ $cur == *=* ]] && key+="${cur%%=*}="
                [[ $cur == -* ]] && key+="-"
                local answer
                if [[ -n ${_falcon_cache[$key]+set} ]]; then
                    answer=${_falcon_cache[$key]}
                else
                    answer=$("${words[0]}" __complete -- "${words[@]:1}" 2>/dev/null) || return 0
                    _falcon_cache[$key]=$answer
                fi
                local prefix=""
                # bash replaces only the text after the last '=' (it is in COMP_WORDBREAKS).
                [[ $cur == *=* && $COMP_WORDBREAKS == *=* ]] && prefix="${cur%=*}="
                if [[ $answer == @default* ]]; then
                    # @default:@ means file names after an '@' (--body @file.json).
                    local at=${answer#@default}
                    at=${at#:}
                    compopt -o filenames 2>/dev/null
                    local IFS=$'\\n'
                    COMPREPLY=($(compgen -f -- "${cur#"$prefix$at"}"))
                    local i
                    for i in "${!COMPREPLY[@]}"; do
                        COMPREPLY[i]=$at${COMPREPLY[i]}
                    done
                    return 0
                fi
                local IFS=$'\\n'
                COMPREPLY=($(compgen -W "$answer" -- "$cur"))
                local i
                for i in "${!COMPREPLY[@]}"; do
                    COMPREPLY[i]=${COMPREPLY[i]#"$prefix"}
                done
                # A 'name=' candidate waits for its value: no space after it.
                if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *= ]]; then
                    compopt -o nospace 2>/dev/null
                fi
                return 0
            }
            complete -F _falcon_complete falcon
            """;

    static final String ZSH = """
            #compdef falcon
            # zsh completion for falcon (falcon-harness). Load it with:
            #   source <(falcon completion zsh)
            # or save it as _falcon in a directory of your $fpath
            typeset -gA _falcon_cache

            _falcon() {
                local cur=${words[CURRENT]}
                local key="${(j: :)words[2,CURRENT-1]}|"
                [[ $cur == *=* ]] && key+="${cur%%=*}="
                [[ $cur == -* ]] && key+="-"
                local answer
                if (( ${+_falcon_cache[$key]} )); then
                    answer=${_falcon_cache[$key]}
                else
                    answer=$(${words[1]} __complete -- "${(@Q)words[2,CURRENT]}" 2>/dev/null) || return 1
                    _falcon_cache[$key]=$answer
                fi
                if [[ $answer == @default* ]]; then
                    local at=${answer#@default}
                    at=${at#:}
                    [[ -n $at ]] && compset -P "$at"
                    _files
                    return
                fi
                local -a candidates=(${(f)answer})
                # A 'name=' candidate waits for its value: no space after it.
                compadd -Q -- ${candidates:#*=}
                compadd -Q -S '' -- ${(M)candidates:#*=}
            }

            if (( $+functions[compdef] )); then
                compdef _falcon falcon
            fi
            """;

    private CompletionScripts() {
    }
}
