#!/usr/bin/env bash
# 安装导出报表所需的系统软件（Debian/Ubuntu）：
#   - fonts-noto-cjk：中文字体（图表、PDF 中的汉字）
#   - libreoffice-writer / libreoffice-calc：将 docx/xlsx 转为 PDF（jixiao report --pdf 与测试）
#   - poppler-utils：pdftoppm / pdftotext（测试中检查 PDF 页面与文字）
# 只安装缺少的软件包；既不是 root 又没有 sudo 时给出提示并退出（不报错）。
set -euo pipefail
# shellcheck source=scripts/privileges.sh
source "$(dirname "$0")/privileges.sh"

packages=(fonts-noto-cjk libreoffice-writer libreoffice-calc poppler-utils)
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

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-system-deps: 已全部安装（${packages[*]}）"
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
