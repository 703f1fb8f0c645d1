#!/usr/bin/env bash
# 安装导出报表所需的系统软件（Debian/Ubuntu）：
#   - fonts-noto-cjk：中文字体（图表、PDF 中的汉字；黑体、宋体、小标宋的替代字体）
#   - fonts-arphic-uming / fonts-arphic-ukai：AR PL UMing/UKai（宋体、楷体_GB2312 的替代字体）
#   - Fandol 字体（仿宋_GB2312 的替代字体 FandolFang）：只在 texlive-lang-chinese 中提供，
#     该包 49 MB 且依赖整个 TeX Live（数百 MB），因此只下载它的 .deb，取出 Fandol 的 .otf
#     放到 /usr/local/share/fonts/fandol（约 34 MB），不安装 TeX Live；
#     字体名的映射见 src/jixiao/render/fontconfig/fonts.conf（生成 PDF 时自动使用）
#   - fonts-crosextra-carlito：Carlito，与 Calibri 等宽（xlsx 的默认字体）：LibreOffice 按它换算列宽，
#     打印缩放与 Excel 相同（没有它时按更宽的 DejaVu 换算，表格印得比 Excel 小约 20%）
#   - libreoffice-writer / libreoffice-calc：将 docx/xlsx 转为 PDF（jixiao report --pdf 与测试）
#   - poppler-utils：pdftoppm / pdftotext（测试中检查 PDF 页面与文字）
# 只安装缺少的软件包；既不是 root 又没有 sudo 时给出提示并退出（不报错）。
set -euo pipefail
# shellcheck source=scripts/privileges.sh
source "$(dirname "$0")/privileges.sh"

packages=(fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-crosextra-carlito libreoffice-writer libreoffice-calc poppler-utils)
packages+=(chromium)  # 网页版的浏览器测试（tests/web，Playwright 驱动 Debian 的 chromium，不下载浏览器）

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "install-system-deps: 不是 Debian/Ubuntu 系统，请手动安装：${packages[*]}" >&2
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

fandol_dir=/usr/local/share/fonts/fandol
install_fandol() {
    # FandolFang/Kai/Hei/Song from texlive-lang-chinese, without installing TeX Live
    [ -f "$fandol_dir/FandolFang-Regular.otf" ] && return 0
    local work
    work=$(mktemp -d)
    chmod 755 "$work"  # apt's _apt user writes the download here
    if (cd "$work" && "${run[@]}" apt-get download texlive-lang-chinese >/dev/null 2>&1); then
        dpkg-deb -x "$work"/texlive-lang-chinese_*.deb "$work/x"
        "${run[@]}" mkdir -p "$fandol_dir"
        "${run[@]}" cp "$work"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol*.otf \
            "$fandol_dir/"
        "${run[@]}" fc-cache -f >/dev/null 2>&1 || true
        echo "install-system-deps: 已安装 Fandol 字体到 $fandol_dir"
    else
        echo "install-system-deps: 未能下载 texlive-lang-chinese，仿宋_GB2312 将由 AR PL UMing 代替" >&2
    fi
    rm -rf "$work"
}

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-system-deps: 已全部安装（${packages[*]}）"
    if [ ! -f "$fandol_dir/FandolFang-Regular.otf" ] && pick_runner; then
        install_fandol
    fi
    exit 0
fi

if ! pick_runner; then
    echo "install-system-deps: 缺少 ${missing[*]}，但当前用户不是 root 且无免密 sudo；" \
        "请管理员执行：apt-get install -y ${missing[*]}" >&2
    exit 0
fi

echo "install-system-deps: 安装 ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update -qq
"${run[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
install_fandol
