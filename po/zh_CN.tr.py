# zh_CN translations of junheng's messages, keyed by the English msgid.
# tools: `python3 po/zh_CN.tr.py po/junheng.pot > po/zh_CN.po` regenerates the .po
# from the template (entries without a translation stay English).
T = {
"junheng diff: at most two configurations (-c OLD.ini -c NEW.ini)\n": "junheng diff：最多只能给两个配置文件（-c 旧.ini -c 新.ini）\n",
"junheng diff: unknown argument '%s'\n": "junheng diff：无法识别的参数“%s”\n",
"junheng diff: %s needs a value\n": "junheng diff：%s 后面要跟一个值\n",
"junheng diff: unknown format '%s' (text or json)\n": "junheng diff：不支持的输出格式“%s”（可用 text 或 json）\n",
"junheng diff: give two configurations (-c OLD.ini -c NEW.ini), or one with --old-data OLD.csv\n":
    "junheng diff：请给出两个配置文件（-c 旧.ini -c 新.ini），或者一个配置文件加 --old-data 旧.csv\n",
"whole report": "全报告",
"county": "全县",
"Configuration changes:": "配置变化：",
"School data changes:": "学校数据变化：",
"School parts added (+) or removed (-):": "新增（+）或删除（-）的学校（学段）：",
"Report figures that change:": "报告中发生变化的数字：",
"Verdicts that flip:": "发生改变的结论：",
"junheng diff: no changes\n": "junheng diff：没有变化\n",
"junheng diff: %d data value(s), %d school part(s) added or removed, %d figure(s) and %d verdict(s) change%s\n":
    "junheng diff：数据变化 %d 项，新增或删除学校（学段）%d 个，报告数字变化 %d 项，结论变化 %d 项%s\n",
" (nothing printed in the report)": "（报告中的内容不受影响）",
"junheng %s: unknown argument '%s'\n%s": "junheng %s：无法识别的参数“%s”\n%s",
"junheng %s: %s needs a value\n": "junheng %s：%s 后面要跟一个值\n",
"junheng %s: the configuration is required (-c REPORT.ini)\n%s": "junheng %s：必须指定配置文件（-c 报告.ini）\n%s",
"junheng %s: unknown format '%s' (json or csv)\n": "junheng %s：不支持的输出格式“%s”（可用 json 或 csv）\n",
"junheng %s: unknown format '%s' (json, csv or template)\n": "junheng %s：不支持的输出格式“%s”（可用 json、csv 或 template）\n",
"%s: ok: %d school part(s) in %s (%s)%s\n": "%1$s：检查通过：%3$s 中共 %2$d 个学校（学段）（%4$s）%5$s\n",
", with warnings": "，有警告",
"junheng check: %d problem(s)\n": "junheng check：发现 %d 个问题\n",
"junheng diff: the JSON is incomplete: a text in the configuration or data is not valid UTF-8\n":
    "junheng diff：JSON 输出不完整：配置或数据中有文字不是有效的 UTF-8 编码\n",
"junheng figures: the JSON is incomplete: a text in the configuration or data is not valid UTF-8\n":
    "junheng figures：JSON 输出不完整：配置或数据中有文字不是有效的 UTF-8 编码\n",
"cannot open the document": "无法打开文档",
"junheng report: wrote %s (%d pages, %ld bytes) in %.0f ms\n": "junheng report：已生成 %s（%d 页，%ld 字节），用时 %.0f 毫秒\n",
"junheng report: unexpected argument '%s'\n%s": "junheng report：无法识别的参数“%s”\n%s",
"junheng report: -c REPORT.ini is required\n%s": "junheng report：必须指定配置文件 -c 报告.ini\n%s",
"--school %s: no school has this code": "--school %s：没有学校使用这个代码",
"use the 学校代码 column of the school data": "请使用学校数据中“学校代码”一列的值",
"no sheet could be made": "一张一览表也没有生成",
"junheng sheets: -j takes a number from 1 to 256\n": "junheng sheets：-j 后面应为 1 到 256 之间的数字\n",
"junheng sheets: school %s failed:\n": "junheng sheets：学校 %s 生成失败：\n",
"school %s: its sheet could not be made:": "学校 %s：一览表无法生成：",
"cannot find the shipped template %s": "找不到随程序安装的模板 %s",
"set [templates] %s = PATH in the INI file, or reinstall junheng": "请在 INI 文件中设置 [templates] %s = 路径，或重新安装 junheng",
"render the annual inspection report as PDF": "生成年度督导评估报告（PDF）",
"render one summary sheet per school": "为每所学校生成一张达标情况一览表",
"print every computed figure (JSON or CSV)": "输出全部计算结果（JSON 或 CSV）",
"validate the configuration and the school data": "检查配置文件和学校数据",
"show what a correction changes in the report": "显示数据更正后报告中的变化",
"typeset a Markdown document as PDF (no school data)": "将 Markdown 文档排版为 PDF（不涉及学校数据）",
"junheng: unknown command '%s'\n": "junheng：没有“%s”这个命令\n",
"usage: junheng COMMAND [OPTIONS]\n\ncommands:\n": "用法：junheng 命令 [选项]\n\n命令：\n",
"\n'junheng COMMAND --help' describes a command; 'junheng --version' prints the version.\nexit codes: 0 ok, 1 bad input, 2 bad usage, 3 (diff) the report changes\n":
    "\n“junheng 命令 --help”查看命令说明；“junheng --version”查看版本。\n退出码：0 正常，1 输入有误，2 用法有误，3（diff）报告有变化\n",
"junheng sheets: unexpected argument '%s'\n%s": "junheng sheets：无法识别的参数“%s”\n%s",
"junheng sheets: -c REPORT.ini is required\n%s": "junheng sheets：必须指定配置文件 -c 报告.ini\n%s",
"junheng sheets: wrote %d sheet(s)%s%s in %.2f s%s\n": "junheng sheets：已生成 %d 张一览表%s%s，用时 %.2f 秒%s\n",
"usage: junheng render DOC.md -o OUT.pdf [-c REPORT.ini] [--date YYYY-MM-DD]\n": "用法：junheng render 文档.md -o 输出.pdf [-c 报告.ini] [--date 年-月-日]\n",
"cannot read %s: it is a folder": "无法读取%s：这是一个文件夹",
"give the path of a file": "请给出文件的路径",
"cannot open %s: %s": "无法打开%s：%s",
"check the path and that the file is readable": "请检查路径是否正确、文件是否可读",
"cannot read %s: %s": "无法读取%s：%s",
"the configuration": "配置文件",
"the school data": "学校数据文件",
"the document": "文档",
"the sheet template": "一览表模板",
"cannot create a temporary font file": "无法创建临时字体文件",
"warning: ": "警告：",
"  hint: %s\n": "  提示：%s\n",
"%s: the county mean of %s is 0, so its 差异系数 is undefined": "%s：%s 的县域均值为 0，无法计算差异系数",
"check the column '%s' (%s): every %s row has 0": "请检查“%s”（%s）一列：所有%s的数据都是 0",
"[%s] %s: %s": "[%s] %s：%s",
"[%s] %s (%s) %s": "[%s] %s（%s）%s",
"add '%s = ...' under [%s]: the province's 办学基本标准 for %s": "请在 [%2$s] 下加上“%1$s = ……”，填写本省%3$s的办学基本标准",
"'%s' is not a number": "“%s”不是数字",
"'%s' is negative": "“%s”是负数",
"a standard is a minimum of 0 or more": "标准值是下限，应为 0 或更大",
"'%s' is more than 1": "“%s”大于 1",
"is negative": "是负数",
"%d decimals is out of range": "小数位数 %d 超出范围",
"use 0 to 9 decimals": "小数位数应为 0 到 9",
"[report] year is missing": "缺少 [report] year（年度）",
"add 'year = 2019' under [report]": "请在 [report] 下加上“year = 2019”",
"%d is not a plausible year": "%d 不像是有效的年份",
"write the year of the report, e.g. 2019": "请填写报告所属年度，例如 2019",
"unknown encoding '%s'": "不支持的编码“%s”",
"write auto, utf-8 or gb18030": "请填写 auto、utf-8 或 gb18030",
"unknown value '%s'": "无法识别的值“%s”",
"write split (rows of 九年一贯制/完全中学 hold whole-school totals) or parts (each row holds its part's own)":
    "请填写 split（九年一贯制、完全中学各行填的是全校合计数）或 parts（各行填的是本学段自己的数）",
"unknown scheme '%s'": "无法识别的评估方案“%s”",
"write basic (基本均衡, 教督〔2012〕3号) or quality (优质均衡, 教督〔2017〕6号)":
    "请填写 basic（基本均衡，教督〔2012〕3号）或 quality（优质均衡，教督〔2017〕6号）",
"must be more than 0": "必须大于 0",
"the national value is %.2f": "国家标准值为 %.2f",
"line is too long (%zu bytes; at most %d)": "这一行太长（%zu 字节，最多 %d 字节）",
"split the value with a trailing '\\' or shorten it (about 330 Chinese characters fit)": "请在行尾加“\\”续行，或把内容缩短（一行约可容纳 330 个汉字）",
"text after the section header's ']'": "节名的“]”后面还有多余的文字",
"put a comment on a line of its own": "注释请单独写一行",
"section header without closing ']'": "节名缺少右方括号“]”",
"write it as [section]": "请写成 [节名] 的形式",
"write key = value, start a comment with ';' or '#'": "请写成“键 = 值”；注释以“;”或“#”开头",
"key outside any [section]": "这个键不在任何 [节] 之下",
"put a [section] line above it, e.g. [report]": "请在它上面加一行节名，例如 [report]",
"[%s] %s is set twice (also on line %d); this later value is used": "[%s] %s 设置了两次（第 %d 行也有），以这里后出现的值为准",
"delete one of the two lines": "请删去其中一行",
"cannot open the configuration: %s": "无法打开配置文件：%s",
"check the path given with -c": "请检查 -c 后面给出的路径",
"cannot read the configuration": "无法读取配置文件",
"the file is UTF-16, junheng reads UTF-8": "文件是 UTF-16 编码，junheng 只读取 UTF-8",
"save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)": "请另存为 UTF-8 编码（记事本：“另存为”，编码选 UTF-8）",
"the file contains NUL bytes; it is not a text INI file": "文件中含有 NUL 字节，不是文本格式的 INI 文件",
"iniparser could not read the file": "iniparser 无法读取该文件",
"[%s] %s: '%s' is not %s": "[%s] %s：“%s”不是%s",
"write a plain decimal such as 0.65 (no units, no thousands separators)": "请填写普通小数，如 0.65（不带单位，不用千位分隔符）",
"write digits only, e.g. 2019": "请只填数字，例如 2019",
"write yes or no (or 1/0, 是/否)": "请填写 yes 或 no（也可写 1/0、是/否）",
"[%s] %s is empty": "[%s] %s 没有填写",
"[%s] %s is missing": "缺少 [%s] %s",
"add a line '%s = ...' under [%s]": "请在 [%2$s] 下加一行“%1$s = ……”",
"unknown section [%s] is ignored": "无法识别的节 [%s]，已忽略",
"check the spelling of the section name": "请检查节名的拼写",
"unknown key '%s' in [%s] is ignored": "[%2$s] 中无法识别的键“%1$s”，已忽略",
"check the spelling of the key": "请检查键名的拼写",
"column '%s' (%s): %s": "“%2$s”（%1$s）列：%3$s",
"the file is UTF-16 (Excel's \"Unicode text\"), which junheng does not read": "文件是 UTF-16 编码（Excel 的“Unicode 文本”），junheng 无法读取",
"in Excel choose Save As > \"CSV UTF-8 (逗号分隔)\" or \"CSV (逗号分隔)\" (GB18030)": "请在 Excel 中选择“另存为”>“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”（GB18030）",
"the file is empty": "文件是空的",
"export the school table with its header row to this file": "请把带表头的学校数据表导出到这个文件",
"the file contains NUL bytes; it is not a CSV text file": "文件中含有 NUL 字节，不是 CSV 文本文件",
"save the sheet as CSV (UTF-8 or GB18030), not as .xls/.xlsx": "请把表格另存为 CSV（UTF-8 或 GB18030），不要存成 .xls/.xlsx",
"not valid UTF-8 (byte 0x%02X)": "不是有效的 UTF-8（字节 0x%02X）",
"the file is probably GB18030/GBK: set [data] encoding = auto or gb18030": "文件可能是 GB18030/GBK 编码：请设置 [data] encoding = auto 或 gb18030",
"the file is neither UTF-8 nor GB18030/GBK (bad byte 0x%02X)": "文件既不是 UTF-8 也不是 GB18030/GBK 编码（错误字节 0x%02X）",
"open it in Excel or WPS and save it again as CSV UTF-8": "请用 Excel 或 WPS 打开，重新另存为 CSV UTF-8",
"cannot start the CSV parser": "无法启动 CSV 解析器",
"malformed CSV: %s": "CSV 格式有误：%s",
"a quote (\") inside a field must be doubled (\"\"), and a quoted field must end with a quote right before the comma":
    "单元格内的英文双引号（\"）要写成两个（\"\"），用引号括起的单元格必须在逗号前以引号结束",
"malformed CSV: a quoted field is never closed": "CSV 格式有误：有一个单元格的引号没有闭合",
"add the closing quote (\") of the field that starts on this line": "请给从这一行开始的单元格补上结尾的引号（\"）",
"appears twice in the header (columns %d and %d)": "在表头中出现了两次（第 %d 列和第 %d 列）",
"delete or rename one of the two columns": "请删除其中一列或改名",
"the first row is not a header: no column name is known": "第一行不是表头：没有一个列名能够识别",
"the first row must name the columns, e.g. 学校代码,学校名称,学段,在校生数,... (see the example data)": "第一行应为列名，例如 学校代码,学校名称,学段,在校生数,……（可参照示例数据）",
"missing from the header": "表头中缺少这一列",
"add a column headed '%s' or '%s'%s": "请增加一列，表头写“%s”或“%s”%s",
" (the quality scheme needs it)": "（优质均衡评估需要这一列）",
"column(s) %s are not used and are ignored": "%s 列不参与计算，已忽略",
"rename a column to its key or Chinese name if it was meant to be read": "如果这一列需要读取，请把列名改为规定的中文名或英文键名",
"is empty": "没有填写",
"is missing": "缺少",
"write 0 if the school has none": "没有的请填 0",
"'%s' is not 1/0, 有/无 or 是/否": "“%s”不是 1/0、有/无 或 是/否",
"write 1 if the school has a library room, 0 if not": "有图书室填 1，没有填 0",
"remove the thousands separators: write 1240, not 1,240": "请去掉千位分隔符：写 1240，不要写 1,240",
"write digits only, without units or notes (the unit is %s)": "请只填数字，不带单位或备注（单位是%s）",
"write digits only, without units or notes": "请只填数字，不带单位或备注",
"%s is negative": "%s 是负数",
"a count or an area cannot be below 0": "数量或面积不能小于 0",
"'%s' is not a whole number": "“%s”不是整数",
"people, books and rooms are counted in whole numbers": "人数、册数、间数都应是整数",
"is 0": "为 0",
"a school part without pupils is not assessed: delete the row (or fill in its enrolment)": "没有在校生的学段不参加评估：请删除这一行（或填上在校生数）",
"the row has %d field(s), the header has %d": "这一行有 %d 个单元格，表头有 %d 列",
"a comma is missing, or a line break splits the row; a value containing a comma must be quoted": "可能少了逗号，或一行被换行拆开了；含逗号的值要用英文双引号括起来",
"every row needs its school's code": "每一行都要填写学校代码",
"every row needs its school's name": "每一行都要填写学校名称",
"'%s' is not a 学段": "“%s”不是学段",
"write 小学 or 初中 (or primary / middle)": "请填写 小学 或 初中（也可写 primary / middle）",
"'%s' is not a known school type": "“%s”不是可识别的学校类型",
"write 小学, 初中, 九年一贯制, 完全中学 or 教学点, or leave it empty": "请填写 小学、初中、九年一贯制、完全中学 或 教学点，也可以不填",
"a %s has no %s part": "%s没有%s学段",
"check the 学段 and 学校类型 of this row": "请检查这一行的学段和学校类型",
"%s is more than 专任教师数 (%s)": "%s 大于专任教师数（%s）",
"this count is part of the full-time teachers and cannot exceed them": "这一项是专任教师中的一部分，不能超过专任教师数",
"column 'high_students' (高中在校生数) is used only for a 完全中学; ignored here": "“高中在校生数”（high_students）只用于完全中学，这里已忽略",
"set 学校类型 to 完全中学 if this school has a 高中部": "如果该校有高中部，请把学校类型填为 完全中学",
"school '%s' already has a %s row on line %d": "学校“%1$s”在第 %3$d 行已经有一行%2$s数据",
"each school part appears once; a 九年一贯制 school has one 小学 and one 初中 row": "每个学校的每个学段只能出现一次；九年一贯制学校应有小学、初中各一行",
"school '%s': the 小学 and 初中 rows (lines %d and %d) have identical resource figures": "学校“%s”：小学和初中两行（第 %d、%d 行）的办学条件数据完全相同",
"if they are whole-school totals, set 学校类型 to 九年一贯制 on both rows so junheng splits them": "如果这是全校合计数，请在两行都把学校类型填为 九年一贯制，junheng 会按规定拆分",
"school '%s' has a 小学 and an 初中 row (lines %d and %d), so it must be 九年一贯制 on both": "学校“%s”有小学、初中两行（第 %d、%d 行），两行的学校类型都应为 九年一贯制",
"set 学校类型 to 九年一贯制 on both rows, or give the two schools different codes": "请在两行都把学校类型填为 九年一贯制，或者给两所学校不同的代码",
"九年一贯制 school '%s' has only a %s row; its whole-school resources cannot be split": "九年一贯制学校“%s”只有%s一行，无法拆分全校的办学条件",
"add its %s row with the same 学校代码, or set [data] mixed = parts if this row holds the part's own figures": "请用相同的学校代码补上%s一行；如果这一行填的是本学段自己的数，请设置 [data] mixed = parts",
"九年一贯制 school '%s' has %s here but %s on line %d; whole-school totals must be equal on both rows": "九年一贯制学校“%1$s”这里是 %2$s，第 %4$d 行却是 %3$s；两行的全校合计数必须一致",
"correct one of the rows, or set [data] mixed = parts if each row holds its part's own figures": "请更正其中一行；如果各行填的是本学段自己的数，请设置 [data] mixed = parts",
"教学点 '%s' has code '%s', but no %s row has that code to count it under": "教学点“%s”的代码是“%s”，但没有这个代码的%s数据行可以归并",
"a 教学点 is counted with the 完小/中心校 it belongs to: give it that school's 学校代码": "教学点并入所属完小或中心校统计：请填写所属学校的学校代码",
"the file has a header but no school rows": "文件只有表头，没有学校数据",
"add one row per school part below the header": "请在表头下面每个学校（学段）填一行",
"cannot open the school data: %s": "无法打开学校数据文件：%s",
"check [data] schools in the configuration (a relative path is relative to the INI file's folder)": "请检查配置中的 [data] schools（相对路径以 INI 文件所在文件夹为起点）",
"cannot read the school data": "无法读取学校数据文件",
"cannot read font file %s": "无法读取字体文件 %s",
"check the path; Debian's default faces come from fonts-arphic-uming, fonts-arphic-ukai, fonts-wqy-zenhei and fonts-lxgw-wenkai (make deps)":
    "请检查路径；Debian 的默认字体来自 fonts-arphic-uming、fonts-arphic-ukai、fonts-wqy-zenhei 和 fonts-lxgw-wenkai 软件包（make deps）",
"font %s has no face number %d": "字体 %s 中没有编号为 %d 的字形",
"it holds %u face(s), numbered from 0": "其中共有 %u 个字形，编号从 0 开始",
"HarfBuzz could not subset font %s (face %d)": "HarfBuzz 无法对字体 %s（字形 %d）取子集",
"cannot write the subset font file": "无法写入子集字体文件",
"cannot create a temporary folder for the font subsets": "无法为子集字体创建临时文件夹",
"set TMPDIR to a writable folder": "请把 TMPDIR 设为一个可写的文件夹",
"character “%s” (U+%04X) is in none of the fonts (role %s)": "所有字体中都没有“%s”（U+%04X）这个字（用途：%s）",
"add a face that has it to [fonts] fallback, or replace the character": "请在 [fonts] fallback 中加入含有这个字的字体，或者换一个字",
"[layout] %s = %g is out of range": "[layout] %s = %g 超出范围",
"use a value from %g to %g": "请使用 %g 到 %g 之间的值",
"[layout] the type area does not fit on the page": "[layout] 版心超出了纸张",
"margin + area must not exceed the page size": "页边距加版心不能超过纸张大小",
"usage: junheng check -c REPORT.ini\n\nCheck the report's configuration and school data and list every problem\n(file, line, column and a hint) on stderr.\n\n  -c, --config FILE   the report's INI file (required)\n  -h, --help          this help\n\nexit codes: 0 no problems (warnings allowed), 1 problems found, 2 bad usage\n":
    "用法：junheng check -c 报告.ini\n\n检查报告的配置文件和学校数据，把发现的每个问题（文件、行、列和修改提示）\n输出到标准错误。\n\n  -c, --config 文件   报告的 INI 文件（必填）\n  -h, --help          显示本说明\n\n退出码：0 没有问题（可以有警告），1 发现问题，2 用法有误\n",
"%s is too large": "%s 数值过大",
"check the value: digits run together, or a misplaced exponent?": "请核对这个数：是否几个数字连在了一起，或者误写了指数？",
"font %s (face %d) %s": "字体 %s（第 %d 个字面）%s",
"use a TrueType .ttf/.ttc (e.g. simfang.ttf, simhei.ttf on Windows; Noto/Source Han .otf/.ttc are CFF and cannot be used)":
    "请使用 TrueType 格式的 .ttf/.ttc 字体（如 Windows 的 simfang.ttf、simhei.ttf；思源/Noto 的 .otf/.ttc 是 CFF 格式，不能使用）",
# fileio: regular files only, a cap per kind (issue 16)
"the report template": "报告模板",
"the font file": "字体文件",
"a folder": "一个文件夹",
"a pipe (FIFO)": "一个管道（FIFO）",
"a device": "一个设备",
"a socket": "一个套接字",
"not a regular file": "不是普通文件",
"cannot read %s: it is %s": "无法读取%s：它是%s",
"give the path of an ordinary file": "请给出一个普通文件的路径",
"check the path (relative paths in the INI file are relative to the INI file's folder)":
    "请检查路径（INI 文件中的相对路径是相对于 INI 文件所在文件夹的）",
"%s is too large: %.1f MB (at most %.0f MB)": "%s过大：%.1f MB（最多 %.0f MB）",
"%s is too large: more than %.0f MB": "%s过大：超过 %.0f MB",
"check that this is the right file": "请确认这是不是要用的那个文件",
}

import re, sys

def unq(lines):
    return ''.join(bytes(l, 'utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8') for l in lines)

def q(s):
    s = s.replace('\\', '\\\\').replace('"', '\\"').replace('\t', '\\t')
    parts = s.split('\n')
    if len(parts) == 1: return '"%s"' % s
    out = ['""'] + ['"%s\\n"' % p for p in parts[:-1]] + (['"%s"' % parts[-1]] if parts[-1] else [])
    return '\n'.join(out)

def entries(text):
    for block in text.split('\n\n'):
        lines = block.strip('\n').split('\n')
        head = [l for l in lines if l.startswith('#')]
        body = [l for l in lines if not l.startswith('#')]
        mid = []; cur = None
        for l in body:
            if l.startswith('msgid '): cur = mid; cur.append(l[6:])
            elif l.startswith('msgstr'): cur = None
            elif l.startswith('"') and cur is not None: cur.append(l)
        yield head, unq([m[1:-1] for m in mid])

pot = open(sys.argv[1], encoding='utf-8').read()
out = []
for head, mid in entries(pot):
    if mid == '':
        out.append('# Chinese (simplified) translation of junheng.\n# Written for county education bureau staff.\n'
                   'msgid ""\nmsgstr ""\n"Project-Id-Version: junheng\\n"\n"PO-Revision-Date: 2024-01-01 00:00+0800\\n"\n'
                   '"Last-Translator: junheng maintainers\\n"\n"Language-Team: Chinese (simplified)\\n"\n"Language: zh_CN\\n"\n'
                   '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
                   '"Content-Transfer-Encoding: 8bit\\n"\n"Plural-Forms: nplurals=1; plural=0;\\n"')
        continue
    refs = '\n'.join(h for h in head if h.startswith('#:') or h.startswith('#,') or h.startswith('#.'))
    out.append((refs + '\n' if refs else '') + 'msgid ' + q(mid) + '\nmsgstr ' + q(T.get(mid, '')))
print('\n\n'.join(out))
missing = [k for k in T if k not in pot.replace('\\n', '\n')]
