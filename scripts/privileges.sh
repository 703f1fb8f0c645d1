# Sourced by the set-up scripts: how to run apt-get here.
# Sets the array `run` to () as root or (sudo -n) with password-less sudo; returns 1 otherwise.
pick_runner() {
    if [ "$(id -u)" -eq 0 ]; then
        run=()
    elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        run=(sudo -n)
    else
        return 1
    fi
}
