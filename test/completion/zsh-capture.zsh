# Prints the candidates zsh's completion system offers for a command line, one per line.
# usage: zsh -f zsh-capture.zsh SCRIPT LINE   (SCRIPT named `_nur` is loaded from fpath, else sourced)
# An interactive zsh runs in a pseudo-terminal (zpty); TAB is bound to a completion widget that runs
# the real _main_complete while compadd is wrapped to record every match it adds (compadd -O
# applies zsh's own matching first). The markers are spelled in two pieces so the echo of the typed
# commands never matches them.
zmodload zsh/zpty || exit 3
script=$1 line=$2
zpty capture zsh -f -i
if [[ $script == */_nur ]]; then
  # Installed the fpath way: compinit finds `#compdef nur` and autoloads the file on first TAB.
  zpty -w capture 'PROMPT=; fpath=('${(q)script:h}' $fpath); autoload -Uz compinit; compinit -u -D'
else
  zpty -w capture 'PROMPT=; autoload -Uz compinit; compinit -u -D; source '${(q)script}
fi
zpty -w capture 'typeset -aU __caps; compadd () { builtin compadd -O reply "$@"; __caps+=("$reply[@]"); builtin compadd "$@" }'
zpty -w capture 'comp-capture () { __caps=(); _main_complete "$@"; compstate[insert]=; compstate[list]=; print -rl -- "" "<<""BEGIN>>" $__caps "<<""END>>" >/dev/tty }'
zpty -w capture 'zle -C comp-capture complete-word comp-capture; bindkey "^I" comp-capture'
zpty -w capture "$line"$'\t'
zpty -r capture out '*<<END>>*' || exit 4
zpty -d capture
print -r -- "${out//$'\r'/}" | sed -n '/^<<BEGIN>>$/,/^<<END>>$/p' | sed '1d;$d'
