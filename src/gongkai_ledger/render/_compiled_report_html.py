from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'report.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_summary = resolve('summary')
    l_0_skipped = resolve('skipped')
    l_0_m = l_0_h = l_0_s = l_0_chart_rows = l_0_period = missing
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    environment.budget.step()
    pass
    l_0_m = context.vars['m'] = environment.get_template('_macros.html.j2', 'report.html.j2')._get_default_module(context)
    context.exported_vars.discard('m')
    l_0_h = (undefined(name='header') if l_0_header is missing else l_0_header)
    context.vars['h'] = l_0_h
    context.exported_vars.add('h')
    l_0_s = (undefined(name='summary') if l_0_summary is missing else l_0_summary)
    context.vars['s'] = l_0_s
    context.exported_vars.add('s')
    l_0_chart_rows = 20
    context.vars['chart_rows'] = l_0_chart_rows
    context.exported_vars.add('chart_rows')
    l_0_period = environment.getitem({'月': '本月和上月', '季': '本季度和上季度', '半年': '本半年和上半年', '年': '本年度和上年度'}, environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'update_every'))
    context.vars['period'] = l_0_period
    context.exported_vars.add('period')
    yield '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; img-src data:; base-uri \'none\'; form-action \'none\'">\n<meta name="generator" content="gongkai-ledger">\n<title>'
    yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'title')))
    yield '('
    yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'month_label')))
    yield ')</title>\n<style>\n'
    yield from context.blocks['style'][0](context)
    yield '</style>\n</head>\n<body>\n<main class="sheet">\n'
    yield from context.blocks['masthead'][0](context)
    if (undefined(name='skipped') if l_0_skipped is missing else l_0_skipped):
        environment.budget.step()
        pass
        yield '<aside class="skipped" role="alert">\n<p><strong>注意:以下 '
        yield escape(environment.finalize(t_1((undefined(name='skipped') if l_0_skipped is missing else l_0_skipped))))
        yield ' 个进展文件有错误,未计入本通报(各列出第一个错误,修正后重新生成):</strong></p>\n<ul>\n'
        for l_1_p in (undefined(name='skipped') if l_0_skipped is missing else l_0_skipped):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<li><code>'
            yield escape(environment.finalize(environment.getattr(l_1_p, 'path')))
            yield ':'
            yield escape(environment.finalize(environment.getattr(l_1_p, 'line')))
            yield ':'
            yield escape(environment.finalize(environment.getattr(l_1_p, 'col')))
            yield '</code> '
            yield escape(environment.finalize(environment.getattr(l_1_p, 'message')))
            yield '</li>\n'
        l_1_p = missing
        yield '</ul>\n</aside>\n'
    yield '\n'
    yield from context.blocks['summary'][0](context)
    yield '\n'
    yield from context.blocks['progress'][0](context)
    yield '\n'
    yield from context.blocks['overdue'][0](context)
    yield '\n'
    yield from context.blocks['stale'][0](context)
    yield '\n'
    yield from context.blocks['received'][0](context)
    yield '\n'
    yield from context.blocks['next_month'][0](context)
    yield '\n'
    yield from context.blocks['annual'][0](context)
    yield from context.blocks['notes'][0](context)
    yield '</main>\n</body>\n</html>\n'

def block_style(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    environment.budget.step()
    pass
    template = environment.get_template('_style.css.j2', 'report.html.j2')
    gen = template.root_render_func(template.new_context(context.get_all(), True, {}))
    try:
        for event in gen:
            yield event
    finally: gen.close()

def block_masthead(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_office = resolve('office')
    l_0_h = resolve('h')
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    try:
        t_4 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    environment.budget.step()
    pass
    yield '<header class="masthead">\n'
    if t_4((undefined(name='office') if l_0_office is missing else l_0_office)):
        environment.budget.step()
        pass
        yield '<p class="issuer">'
        yield escape(environment.finalize((environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'mark') or (environment.checked_concat(markup_join, (environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer'), '文件', )) if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer') else '【待填写:发文机关标志(report.yaml 的 mark)】'))))
        yield '</p>\n<p class="doc-no">'
        yield escape(environment.finalize((environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'doc_no') or '【待填写:发文字号(report.yaml 的 doc_no)】')))
        yield '</p>\n'
    elif environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer'):
        environment.budget.step()
        pass
        yield '<p class="issuer">'
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer')))
        yield '</p>\n'
    yield '<hr class="red-rule">\n<h1>'
    yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'title')))
    yield '</h1>\n<p class="period">('
    yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'month_label')))
    yield ')</p>\n'
    if t_4((undefined(name='office') if l_0_office is missing else l_0_office)):
        environment.budget.step()
        pass
        yield '<p class="to">'
        yield escape(environment.finalize((t_2(context.eval_ctx, environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'to'), '、') or '【待填写:主送机关(report.yaml 的 to)】')))
        yield ':</p>\n'
    yield '<p class="meta"><span>统计截至'
    yield escape(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
    yield '</span>'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'doc_no'):
        environment.budget.step()
        pass
        yield '<span>依据'
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'doc_no')))
        yield '</span>'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'generated_at'):
        environment.budget.step()
        pass
        yield '<span>生成时间 '
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'generated_at')))
        yield '</span>'
    yield '</p>\n</header>\n'

def block_summary(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_h = resolve('h')
    l_0_s = resolve('s')
    l_0_levels = resolve('levels')
    l_0_unit_levels = resolve('unit_levels')
    l_0_m = resolve('m')
    l_0_sections = resolve('sections')
    l_0_by_unit = resolve('by_unit')
    l_0_chart_rows = resolve('chart_rows')
    l_0_parts = resolve('parts')
    try:
        t_5 = environment.filters['batch']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'batch' found.")
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_6 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    environment.budget.step()
    pass
    yield '<section aria-labelledby="sec-summary">\n<h2 id="sec-summary">一、总体情况</h2>\n'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'):
        environment.budget.step()
        pass
        yield '<p class="lead">截至'
        yield escape(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ','
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'), 'name')))
        yield '承担《'
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'plan_title')))
        yield '》重点任务 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'task_count')))
        yield ' 项、条目 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'item_count')))
        yield ' 个。其中已完成 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'done')))
        yield ' 项,推进中 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'in_progress')))
        yield ' 项,未启动 '
        yield escape(environment.finalize((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_started') - environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported'))))
        yield ' 项,未报送 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported')))
        yield ' 项,不涉及 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_applicable')))
        yield ' 项;完成率 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'completion_rate')))
        yield ',按期完成率 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'on_time_rate')))
        yield '。'
        if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue'):
            environment.budget.step()
            pass
            yield '<strong>逾期未完成 '
            yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
            yield ' 项</strong>'
        else:
            environment.budget.step()
            pass
            yield '无逾期未完成事项'
        yield ',更新滞后 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'stale')))
        yield ' 项。</p>\n'
    else:
        environment.budget.step()
        pass
        yield '<p class="lead">截至'
        yield escape(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',《'
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'plan_title')))
        yield '》共有重点任务 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'task_count')))
        yield ' 项、条目 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'item_count')))
        yield ' 个,分解到 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'unit_count')))
        yield ' 个责任单位,合计单位任务 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'unit_items')))
        yield ' 项。其中已完成 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'done')))
        yield ' 项,推进中 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'in_progress')))
        yield ' 项,未启动 '
        yield escape(environment.finalize((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_started') - environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported'))))
        yield ' 项,未报送 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported')))
        yield ' 项,不涉及 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_applicable')))
        yield ' 项;'
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'items_done')))
        yield ' 个条目已全部完成。完成率 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'completion_rate')))
        yield ',按期完成率 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'on_time_rate')))
        yield '。'
        if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue'):
            environment.budget.step()
            pass
            yield '<strong>逾期未完成 '
            yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
            yield ' 项,涉及 '
            yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue_units')))
            yield ' 个单位</strong>'
        else:
            environment.budget.step()
            pass
            yield '无逾期未完成事项'
        yield ';更新滞后 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'stale')))
        yield ' 项,涉及 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'stale_units')))
        yield ' 个单位。</p>\n'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period'):
        environment.budget.step()
        pass
        yield '<p class="lead change">'
        yield escape(environment.finalize(environment.getattr(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period'), 'comparison')))
        yield '</p>\n'
    yield '<p class="lead levels">亮灯情况:红灯 '
    yield escape(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'red')))
    yield ' 项,黄灯 '
    yield escape(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'yellow')))
    yield ' 项,蓝灯 '
    yield escape(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'blue')))
    yield ' 项,绿灯 '
    yield escape(environment.finalize(environment.getattr((undefined(name='levels') if l_0_levels is missing else l_0_levels), 'green')))
    yield ' 项。</p>\n\n<table class="figures">\n<caption>主要指标</caption>\n<thead>\n<tr><th scope="col">单位任务</th><th scope="col">已完成</th><th scope="col">推进中</th><th scope="col">未启动</th><th scope="col">未报送</th><th scope="col">不涉及</th><th scope="col">逾期</th><th scope="col">临期</th><th scope="col">更新滞后</th><th scope="col">完成率</th><th scope="col">按期完成率</th></tr>\n</thead>\n<tbody>\n<tr><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'unit_items')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'done')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'in_progress')))
    yield '</td><td>'
    yield escape(environment.finalize((environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_started') - environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported'))))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_reported')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'not_applicable')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'due_soon')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'stale')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'completion_rate')))
    yield '</td><td>'
    yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'on_time_rate')))
    yield '</td></tr>\n</tbody>\n</table>\n'
    if (undefined(name='unit_levels') if l_0_unit_levels is missing else l_0_unit_levels):
        environment.budget.step()
        pass
        yield '\n<table id="unit-levels">\n<caption>亮灯与督办次数</caption>\n<thead>\n<tr><th scope="col">条目</th><th scope="col">亮灯</th><th scope="col">情形</th><th scope="col">督办次数</th></tr>\n</thead>\n<tbody>\n'
        for l_1_r in (undefined(name='unit_levels') if l_0_unit_levels is missing else l_0_unit_levels):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<tr><td>'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'item')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'level')))
            yield '</td><td>'
            yield escape(environment.finalize((environment.getattr(l_1_r, 'reasons') or '—')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'times')))
            yield '</td></tr>\n'
        l_1_r = missing
        yield '</tbody>\n</table>\n'
    yield '\n'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'):
        environment.budget.step()
        pass
        yield '<figure>\n'
        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'bar_chart'), 'chart-completion-1', environment.checked_concat(markup_join, (environment.getattr(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'), 'name'), '各部分完成率', )), environment.checked_concat(markup_join, ('横向条形图:', environment.getattr(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'), 'name'), '在工作要点各部分的完成率;各部分的数值写在条形右侧,也见下表“各部分完成情况”。', )), (undefined(name='sections') if l_0_sections is missing else l_0_sections), 'title', 'number', _block_vars=_block_vars)))
        yield '\n<figcaption>图1 各部分完成率</figcaption>\n</figure>\n<table id="chart-data">\n<caption>各部分完成情况(图1数据)</caption>\n<thead>\n<tr><th scope="col">部分</th><th scope="col">单位任务</th><th scope="col">已完成</th><th scope="col">逾期</th><th scope="col">完成率</th></tr>\n</thead>\n<tbody>\n'
        for l_1_section in (undefined(name='sections') if l_0_sections is missing else l_0_sections):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<tr><th scope="row">'
            yield escape(environment.finalize(environment.getattr(l_1_section, 'number')))
            yield escape(environment.finalize(environment.getattr(l_1_section, 'title')))
            yield '</th><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_section, 'tally'), 'unit_items')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_section, 'tally'), 'done')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_section, 'tally'), 'overdue')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_section, 'tally'), 'completion_rate')))
            yield '</td></tr>\n'
        l_1_section = missing
        yield '</tbody>\n</table>\n'
    else:
        environment.budget.step()
        pass
        l_0_parts = t_6(context.eval_ctx, t_5((undefined(name='by_unit') if l_0_by_unit is missing else l_0_by_unit), (undefined(name='chart_rows') if l_0_chart_rows is missing else l_0_chart_rows)))
        _block_vars['parts'] = l_0_parts
        l_1_loop = missing
        for l_1_part, l_1_loop in LoopContext((undefined(name='parts') if l_0_parts is missing else l_0_parts), undefined):
            l_1_suffix = missing
            _loop_vars = {}
            environment.budget.step()
            pass
            l_1_suffix = (environment.call_binop(context, '%', '(%d/%d)', (environment.getattr(l_1_loop, 'index'), t_1((undefined(name='parts') if l_0_parts is missing else l_0_parts)))) if (t_1((undefined(name='parts') if l_0_parts is missing else l_0_parts)) > 1) else '')
            _loop_vars['suffix'] = l_1_suffix
            yield '<figure>\n'
            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_0_m is missing else l_0_m), 'bar_chart'), environment.call_binop(context, '%', 'chart-completion-%d', environment.getattr(l_1_loop, 'index')), environment.checked_concat(markup_join, ('各单位完成率', (undefined(name='suffix') if l_1_suffix is missing else l_1_suffix), )), '横向条形图:各责任单位已完成的单位任务占应完成单位任务(不含不涉及)的比例,按完成率从高到低排列;各单位的数值写在条形右侧,也见下表“各单位完成情况”。', l_1_part, 'name', _loop_vars=_loop_vars)))
            yield '\n<figcaption>图1 各单位完成率'
            yield escape(environment.finalize((undefined(name='suffix') if l_1_suffix is missing else l_1_suffix)))
            yield '</figcaption>\n</figure>\n'
        l_1_loop = l_1_part = l_1_suffix = missing
        yield '<table id="chart-data">\n<caption>各单位完成情况(图1数据,按完成率从高到低排列)</caption>\n<colgroup><col style="width:7%"><col style="width:21%"><col span="8" style="width:9%"></colgroup>\n<thead>\n<tr><th scope="col">序号</th><th scope="col">单位</th><th scope="col">单位任务</th><th scope="col">已完成</th><th scope="col">推进中</th><th scope="col">未启动</th><th scope="col">未报送</th><th scope="col">不涉及</th><th scope="col">逾期</th><th scope="col">更新滞后</th><th scope="col">完成率</th></tr>\n</thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_u, l_1_loop in LoopContext((undefined(name='by_unit') if l_0_by_unit is missing else l_0_by_unit), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<tr><td class="num">'
            yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
            yield '</td><th scope="row">'
            yield escape(environment.finalize(environment.getattr(l_1_u, 'name')))
            yield '</th><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'unit_items')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'done')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'in_progress')))
            yield '</td><td class="num">'
            yield escape(environment.finalize((environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_started') - environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_reported'))))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_reported')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'not_applicable')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'overdue')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'stale')))
            yield '</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_u, 'tally'), 'completion_rate')))
            yield '</td></tr>\n'
        l_1_loop = l_1_u = missing
        yield '</tbody>\n</table>\n'
    yield '</section>\n'

def block_progress(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_sections = resolve('sections')
    l_0_supporting = resolve('supporting')
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_7 = environment.filters['min']
    except KeyError:
        @internalcode
        def t_7(*unused):
            raise TemplateRuntimeError("No filter named 'min' found.")
    environment.budget.step()
    pass
    yield '<section aria-labelledby="sec-progress">\n<h2 id="sec-progress">二、各项任务进展</h2>\n'
    for l_1_section in (undefined(name='sections') if l_0_sections is missing else l_0_sections):
        l_1_h = resolve('h')
        l_1_depth = missing
        _loop_vars = {}
        environment.budget.step()
        pass
        l_1_depth = t_7(environment, [environment.getattr(l_1_section, 'level'), 3])
        _loop_vars['depth'] = l_1_depth
        if environment.getattr(l_1_section, 'title'):
            environment.budget.step()
            pass
            yield '<h'
            yield escape(environment.finalize(environment.call_binop(context, '+', 2, (undefined(name='depth') if l_1_depth is missing else l_1_depth))))
            yield '>'
            yield escape(environment.finalize(environment.getattr(l_1_section, 'number')))
            yield escape(environment.finalize(environment.getattr(l_1_section, 'title')))
            yield '</h'
            yield escape(environment.finalize(environment.call_binop(context, '+', 2, (undefined(name='depth') if l_1_depth is missing else l_1_depth))))
            yield '>\n'
        if environment.getattr(l_1_section, 'tasks'):
            environment.budget.step()
            pass
            yield '<table class="progress">\n<caption>本部分各条目进展(完成率 '
            yield escape(environment.finalize(environment.getattr(environment.getattr(l_1_section, 'tally'), 'completion_rate')))
            yield ')</caption>\n'
            if environment.getattr((undefined(name='h') if l_1_h is missing else l_1_h), 'unit'):
                environment.budget.step()
                pass
                yield '<colgroup><col style="width:8%"><col style="width:34%"><col style="width:14%"><col style="width:12%"><col style="width:12%"><col style="width:20%"></colgroup>\n<thead>\n<tr><th scope="col">条目</th><th scope="col">内容</th><th scope="col">完成时间</th><th scope="col">状态</th><th scope="col">最近报送</th><th scope="col">进展情况</th></tr>\n</thead>\n'
            else:
                environment.budget.step()
                pass
                yield '<colgroup><col style="width:7%"><col style="width:29%"><col style="width:13%"><col style="width:10%"><col style="width:41%"></colgroup>\n<thead>\n<tr><th scope="col">条目</th><th scope="col">内容</th><th scope="col">完成时间</th><th scope="col">进度</th><th scope="col">各单位情况</th></tr>\n</thead>\n'
            for l_2_task in environment.getattr(l_1_section, 'tasks'):
                _loop_vars = {}
                environment.budget.step()
                pass
                yield '<tbody>\n<tr class="group"><th scope="rowgroup" colspan="'
                yield escape(environment.finalize((6 if environment.getattr((undefined(name='h') if l_1_h is missing else l_1_h), 'unit') else 5)))
                yield '">'
                yield escape(environment.finalize(environment.getattr(l_2_task, 'id')))
                yield '. '
                yield escape(environment.finalize(environment.getattr(l_2_task, 'title')))
                if environment.getattr(l_2_task, 'deadline'):
                    environment.budget.step()
                    pass
                    yield '(完成时间:'
                    yield escape(environment.finalize(environment.getattr(l_2_task, 'deadline')))
                    yield ')'
                yield '</th></tr>\n'
                for l_3_item in environment.getattr(l_2_task, 'entries'):
                    l_3_u = resolve('u')
                    l_3_m = resolve('m')
                    _loop_vars = {}
                    environment.budget.step()
                    pass
                    if environment.getattr((undefined(name='h') if l_1_h is missing else l_1_h), 'unit'):
                        environment.budget.step()
                        pass
                        l_3_u = environment.getitem(environment.getattr(l_3_item, 'units'), 0)
                        _loop_vars['u'] = l_3_u
                        yield '<tr><th scope="row" class="id">'
                        yield escape(environment.finalize(environment.getattr(l_3_item, 'id')))
                        yield '</th><td>'
                        yield escape(environment.finalize(environment.getattr(l_3_item, 'content')))
                        yield '</td><td>'
                        yield escape(environment.finalize(environment.getattr(l_3_item, 'deadline')))
                        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'extension'), l_3_item, _loop_vars=_loop_vars)))
                        yield '</td><td>'
                        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'status'), (undefined(name='u') if l_3_u is missing else l_3_u), _loop_vars=_loop_vars)))
                        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'review'), (undefined(name='u') if l_3_u is missing else l_3_u), _loop_vars=_loop_vars)))
                        if environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'direct_na'):
                            environment.budget.step()
                            pass
                            yield '(本单位直接承担,报不涉及)'
                        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'flags'), (undefined(name='u') if l_3_u is missing else l_3_u), _loop_vars=_loop_vars)))
                        yield '</td><td class="date">'
                        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'day'), environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'last_report'), _loop_vars=_loop_vars)))
                        yield '</td><td>'
                        if (environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'reason') or environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'summary')):
                            environment.budget.step()
                            pass
                            yield escape(environment.finalize((environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'reason') or environment.getattr((undefined(name='u') if l_3_u is missing else l_3_u), 'summary'))))
                        else:
                            environment.budget.step()
                            pass
                            yield '<span class="none">—</span>'
                        yield '</td></tr>\n'
                    else:
                        environment.budget.step()
                        pass
                        yield '<tr><th scope="row" class="id">'
                        yield escape(environment.finalize(environment.getattr(l_3_item, 'id')))
                        yield '</th><td>'
                        yield escape(environment.finalize(environment.getattr(l_3_item, 'short')))
                        yield '</td><td>'
                        yield escape(environment.finalize(environment.getattr(l_3_item, 'deadline')))
                        yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'extension'), l_3_item, _loop_vars=_loop_vars)))
                        yield '</td><td class="center">'
                        if environment.getattr(l_3_item, 'done'):
                            environment.budget.step()
                            pass
                            yield '<span class="status-done">全部完成</span>'
                        else:
                            environment.budget.step()
                            pass
                            yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_item, 'tally'), 'done')))
                            yield '/'
                            yield escape(environment.finalize(environment.getattr(environment.getattr(l_3_item, 'tally'), 'applicable')))
                        yield '</td><td class="units-cell">\n'
                        for l_4_group in environment.getattr(l_3_item, 'by_status_named'):
                            _loop_vars = {}
                            environment.budget.step()
                            pass
                            yield '<p><b>'
                            yield escape(environment.finalize(environment.getattr(l_4_group, 'status')))
                            yield '</b>'
                            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'review'), l_4_group, _loop_vars=_loop_vars)))
                            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_3_m is missing else l_3_m), 'flags'), l_4_group, _loop_vars=_loop_vars)))
                            yield ':'
                            yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr(l_4_group, 'units'), '、')))
                            yield '</p>\n'
                        l_4_group = missing
                        for l_4_c in environment.getattr(l_3_item, 'collectives'):
                            _loop_vars = {}
                            environment.budget.step()
                            pass
                            yield '<p><b>'
                            yield escape(environment.finalize(environment.getattr(l_4_c, 'name')))
                            yield '</b>('
                            yield escape(environment.finalize(environment.getattr(l_4_c, 'count')))
                            yield '个单位,已完成 '
                            yield escape(environment.finalize(environment.getattr(l_4_c, 'done')))
                            yield escape(environment.finalize((environment.call_binop(context, '%', ',不涉及 %d', environment.getattr(l_4_c, 'not_applicable')) if environment.getattr(l_4_c, 'not_applicable') else '')))
                            yield ')'
                            if (t_1(environment.getattr(l_4_c, 'not_reported')) == environment.getattr(l_4_c, 'count')):
                                environment.budget.step()
                                pass
                                yield ':均未报送'
                            elif environment.getattr(l_4_c, 'not_reported'):
                                environment.budget.step()
                                pass
                                yield ':其中未报送:'
                                yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr(l_4_c, 'not_reported'), '、')))
                            yield '</p>\n'
                        l_4_c = missing
                        if environment.getattr(l_3_item, 'support'):
                            environment.budget.step()
                            pass
                            yield '<p><b>配合单位</b>:'
                            yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr(l_3_item, 'support'), '、')))
                            yield '</p>\n'
                        yield '</td></tr>\n'
                l_3_item = l_3_u = l_3_m = missing
                yield '</tbody>\n'
            l_2_task = missing
            yield '</table>\n'
    l_1_section = l_1_depth = l_1_h = missing
    if (undefined(name='supporting') if l_0_supporting is missing else l_0_supporting):
        environment.budget.step()
        pass
        yield '<table class="progress supporting">\n<caption>本单位配合的条目(不计入本单位的任务数和完成率)</caption>\n<thead>\n<tr><th scope="col">条目</th><th scope="col">任务</th><th scope="col">责任单位</th><th scope="col">完成时间</th><th scope="col">本单位报送</th><th scope="col">最近报送</th><th scope="col">进展情况</th></tr>\n</thead>\n<tbody>\n'
        for l_1_row in (undefined(name='supporting') if l_0_supporting is missing else l_0_supporting):
            l_1_m = resolve('m')
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<tr><th scope="row" class="id">'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'item')))
            yield '</th><td>'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'task_title')))
            yield '</td><td>'
            yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr(l_1_row, 'owners'), '、')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'deadline')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'status')))
            yield '</td><td class="date">'
            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'day'), environment.getattr(l_1_row, 'last_report'), _loop_vars=_loop_vars)))
            yield '</td><td>'
            if environment.getattr(l_1_row, 'summary'):
                environment.budget.step()
                pass
                yield escape(environment.finalize(environment.getattr(l_1_row, 'summary')))
            else:
                environment.budget.step()
                pass
                yield '<span class="none">—</span>'
            yield '</td></tr>\n'
        l_1_row = l_1_m = missing
        yield '</tbody>\n</table>\n'
    yield '</section>\n'

def block_overdue(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_overdue = resolve('overdue')
    l_0_h = resolve('h')
    l_0_s = resolve('s')
    l_0_awaiting_review = resolve('awaiting_review')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    environment.budget.step()
    pass
    yield '<section aria-labelledby="sec-overdue">\n<h2 id="sec-overdue">三、逾期事项通报</h2>\n'
    if ((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue) and (not environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'))):
        environment.budget.step()
        pass
        yield '<p class="lead">截至'
        yield escape(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',以下 '
        yield escape(environment.finalize(t_1((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue))))
        yield ' 个单位共 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
        yield ' 项任务已过完成时间仍未完成,按逾期项数和逾期天数排列,请抓紧整改落实。</p>\n<table id="overdue-table" class="overdue">\n<caption>逾期未完成事项(按单位)</caption>\n<colgroup><col style="width:8%"><col style="width:20%"><col style="width:11%"><col style="width:13%"><col style="width:48%"></colgroup>\n<thead>\n<tr><th scope="col">序号</th><th scope="col">单位</th><th scope="col">逾期项数</th><th scope="col">最长逾期</th><th scope="col">逾期条目(逾期天数)</th></tr>\n</thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_group, l_1_loop in LoopContext((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<tr><td class="num">'
            yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
            yield '</td><th scope="row">'
            yield escape(environment.finalize(environment.getattr(l_1_group, 'unit')))
            yield '</th><td class="num"><span class="tag overdue">逾期</span>'
            yield escape(environment.finalize(environment.getattr(l_1_group, 'count')))
            yield ' 项</td><td class="num">'
            yield escape(environment.finalize(environment.getattr(l_1_group, 'max_days_late')))
            yield ' 天</td><td>'
            l_2_loop = missing
            for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_group, 'rows'), undefined):
                _loop_vars = {}
                environment.budget.step()
                pass
                yield '<span class="entry">'
                yield escape(environment.finalize(environment.getattr(l_2_row, 'item')))
                yield '('
                yield escape(environment.finalize(environment.getattr(l_2_row, 'days_late')))
                yield '天)</span>'
                if (not environment.getattr(l_2_loop, 'last')):
                    environment.budget.step()
                    pass
                    yield '、'
            l_2_loop = l_2_row = missing
            yield '</td></tr>\n'
        l_1_loop = l_1_group = missing
        yield '</tbody>\n</table>\n'
    elif (undefined(name='overdue') if l_0_overdue is missing else l_0_overdue):
        environment.budget.step()
        pass
        yield '<p class="lead">截至'
        yield escape(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',以下 '
        yield escape(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'overdue')))
        yield ' 项任务已过完成时间仍未完成,请抓紧整改落实。</p>\n<table id="overdue-table" class="overdue">\n<caption>逾期未完成事项</caption>\n<colgroup><col style="width:9%"><col style="width:27%"><col style="width:18%"><col style="width:18%"><col style="width:12%"><col style="width:16%"></colgroup>\n<thead>\n<tr><th scope="col">条目</th><th scope="col">任务</th><th scope="col">完成时间</th><th scope="col">逾期</th><th scope="col">当前状态</th><th scope="col">最近报送</th></tr>\n</thead>\n<tbody>\n'
        l_1_loop = missing
        for l_1_group, l_1_loop in LoopContext((undefined(name='overdue') if l_0_overdue is missing else l_0_overdue), undefined):
            _loop_vars = {}
            environment.budget.step()
            pass
            l_2_loop = missing
            for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_group, 'rows'), undefined):
                l_2_m = resolve('m')
                _loop_vars = {}
                environment.budget.step()
                pass
                yield '<tr><th scope="row" class="id">'
                yield escape(environment.finalize(environment.getattr(l_2_row, 'item')))
                yield '</th><td>'
                yield escape(environment.finalize(environment.getattr(l_2_row, 'task_title')))
                if environment.getattr(l_2_row, 'via'):
                    environment.budget.step()
                    pass
                    yield '(通过'
                    l_3_loop = missing
                    for l_3_n, l_3_loop in LoopContext(environment.getattr(l_2_row, 'via'), undefined):
                        _loop_vars = {}
                        environment.budget.step()
                        pass
                        yield '“'
                        yield escape(environment.finalize(l_3_n))
                        yield '”'
                        if (not environment.getattr(l_3_loop, 'last')):
                            environment.budget.step()
                            pass
                            yield '、'
                    l_3_loop = l_3_n = missing
                    yield ')'
                yield '</td><td>'
                yield escape(environment.finalize(environment.getattr(l_2_row, 'deadline')))
                yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'extension'), l_2_row, _loop_vars=_loop_vars)))
                yield '<br><span class="none">应于'
                yield escape(environment.finalize(t_3(environment.getattr(l_2_row, 'due'))))
                yield '</span></td><td><span class="tag overdue">逾期</span><b>'
                yield escape(environment.finalize(environment.getattr(l_2_row, 'days_late')))
                yield ' 天</b><br>'
                yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'workdays'), environment.getattr(l_2_row, 'workdays_late'), _loop_vars=_loop_vars)))
                yield '</td><td>'
                yield escape(environment.finalize(environment.getattr(l_2_row, 'shown_status')))
                yield '</td><td class="date">'
                yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'day'), environment.getattr(l_2_row, 'last_report'), _loop_vars=_loop_vars)))
                yield '</td></tr>\n'
            l_2_loop = l_2_row = l_2_m = missing
        l_1_loop = l_1_group = missing
        yield '</tbody>\n</table>\n'
    else:
        environment.budget.step()
        pass
        yield '<p class="lead">截至'
        yield escape(environment.finalize(t_3(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of'))))
        yield ',无逾期未完成事项。</p>\n'
    if (undefined(name='awaiting_review') if l_0_awaiting_review is missing else l_0_awaiting_review):
        environment.budget.step()
        pass
        yield '<p>待审核超过 '
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'review_days')))
        yield ' 个工作日(请'
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer')))
        yield '审核销号或退回):</p>\n<ul>\n'
        for l_1_row in (undefined(name='awaiting_review') if l_0_awaiting_review is missing else l_0_awaiting_review):
            l_1_m = resolve('m')
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<li>'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'item')))
            yield ' '
            yield escape(environment.finalize(environment.getattr(l_1_row, 'unit')))
            yield ':'
            yield escape(environment.finalize(t_3(environment.getattr(l_1_row, 'since'))))
            yield '报已完成,已待审核 '
            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'workdays'), environment.getattr(l_1_row, 'workdays'), _loop_vars=_loop_vars)))
            yield ' 个工作日</li>\n'
        l_1_row = l_1_m = missing
        yield '</ul>\n'
    yield '</section>\n'

def block_stale(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_stale = resolve('stale')
    l_0_period = resolve('period')
    l_0_h = resolve('h')
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    environment.budget.step()
    pass
    yield '<section aria-labelledby="sec-stale">\n<h2 id="sec-stale">四、更新滞后</h2>\n'
    if (undefined(name='stale') if l_0_stale is missing else l_0_stale):
        environment.budget.step()
        pass
        yield '<p class="lead">以下持续更新类条目已过首个完成时间,'
        yield escape(environment.finalize((undefined(name='period') if l_0_period is missing else l_0_period)))
        yield '均未报送进展,请及时更新。</p>\n'
        if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit'):
            environment.budget.step()
            pass
            yield '<table class="stale">\n<caption>更新滞后事项</caption>\n<thead>\n<tr><th scope="col">条目</th><th scope="col">任务</th><th scope="col">完成时间</th><th scope="col">当前状态</th><th scope="col">最近报送</th></tr>\n</thead>\n<tbody>\n'
            for l_1_group in (undefined(name='stale') if l_0_stale is missing else l_0_stale):
                _loop_vars = {}
                environment.budget.step()
                pass
                for l_2_row in environment.getattr(l_1_group, 'rows'):
                    l_2_m = resolve('m')
                    _loop_vars = {}
                    environment.budget.step()
                    pass
                    yield '<tr><th scope="row" class="id">'
                    yield escape(environment.finalize(environment.getattr(l_2_row, 'item')))
                    yield '</th><td>'
                    yield escape(environment.finalize(environment.getattr(l_2_row, 'task_title')))
                    yield '</td><td>'
                    yield escape(environment.finalize(environment.getattr(l_2_row, 'deadline')))
                    yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'cadence'), l_2_row, (undefined(name='h') if l_0_h is missing else l_0_h), _loop_vars=_loop_vars)))
                    yield '</td><td>'
                    yield escape(environment.finalize(environment.getattr(l_2_row, 'shown_status')))
                    yield '<span class="tag stale">更新滞后</span></td><td class="date">'
                    yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'day'), environment.getattr(l_2_row, 'last_report'), _loop_vars=_loop_vars)))
                    yield '</td></tr>\n'
                l_2_row = l_2_m = missing
            l_1_group = missing
            yield '</tbody>\n</table>\n'
        else:
            environment.budget.step()
            pass
            yield '<table class="stale">\n<caption>更新滞后事项(按单位)</caption>\n<colgroup><col style="width:8%"><col style="width:20%"><col style="width:12%"><col style="width:60%"></colgroup>\n<thead>\n<tr><th scope="col">序号</th><th scope="col">单位</th><th scope="col">滞后项数</th><th scope="col">条目(最近报送日期)</th></tr>\n</thead>\n<tbody>\n'
            l_1_loop = missing
            for l_1_group, l_1_loop in LoopContext((undefined(name='stale') if l_0_stale is missing else l_0_stale), undefined):
                _loop_vars = {}
                environment.budget.step()
                pass
                yield '<tr><td class="num">'
                yield escape(environment.finalize(environment.getattr(l_1_loop, 'index')))
                yield '</td><th scope="row">'
                yield escape(environment.finalize(environment.getattr(l_1_group, 'unit')))
                yield '</th><td class="num">'
                yield escape(environment.finalize(environment.getattr(l_1_group, 'count')))
                yield ' 项</td><td>'
                l_2_loop = missing
                for l_2_row, l_2_loop in LoopContext(environment.getattr(l_1_group, 'rows'), undefined):
                    l_2_m = resolve('m')
                    _loop_vars = {}
                    environment.budget.step()
                    pass
                    yield '<span class="entry">'
                    yield escape(environment.finalize(environment.getattr(l_2_row, 'item')))
                    yield '('
                    yield escape(environment.finalize((t_3(environment.getattr(l_2_row, 'last_report')) or '未报送')))
                    yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_2_m is missing else l_2_m), 'cadence'), l_2_row, (undefined(name='h') if l_0_h is missing else l_0_h), _loop_vars=_loop_vars)))
                    yield ')</span>'
                    if (not environment.getattr(l_2_loop, 'last')):
                        environment.budget.step()
                        pass
                        yield '、'
                l_2_loop = l_2_row = l_2_m = missing
                yield '</td></tr>\n'
            l_1_loop = l_1_group = missing
            yield '</tbody>\n</table>\n'
    else:
        environment.budget.step()
        pass
        yield '<p class="lead">无更新滞后的单位。</p>\n'
    yield '</section>\n'

def block_received(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_h = resolve('h')
    l_0_received = resolve('received')
    try:
        t_1 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    environment.budget.step()
    pass
    yield '<section aria-labelledby="sec-received">\n<h2 id="sec-received">五、'
    yield escape(environment.finalize(('本期' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period') else '本月')))
    yield '报送进展</h2>\n'
    if (undefined(name='received') if l_0_received is missing else l_0_received):
        environment.budget.step()
        pass
        yield '<table class="received">\n<caption>'
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'month_label')))
        yield '报送的进展('
        yield escape(environment.finalize(t_1((undefined(name='received') if l_0_received is missing else l_0_received))))
        yield ' 条)</caption>\n<colgroup><col style="width:14%"><col style="width:13%"><col style="width:8%"><col style="width:10%"><col style="width:33%"><col style="width:22%"></colgroup>\n<thead>\n<tr><th scope="col">日期</th><th scope="col">单位</th><th scope="col">条目</th><th scope="col">状态</th><th scope="col">进展情况</th><th scope="col">佐证材料</th></tr>\n</thead>\n<tbody>\n'
        for l_1_r in (undefined(name='received') if l_0_received is missing else l_0_received):
            l_1_m = resolve('m')
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<tr><td class="date">'
            yield escape(environment.finalize(t_3(environment.getattr(l_1_r, 'date'))))
            yield '</td><th scope="row">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'unit')))
            if environment.getattr(l_1_r, 'role'):
                environment.budget.step()
                pass
                yield '('
                yield escape(environment.finalize(environment.getattr(l_1_r, 'role')))
                yield ')'
            yield '</th><td class="id">'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'item')))
            yield '</td><td class="status">'
            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'status'), l_1_r, _loop_vars=_loop_vars)))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_r, 'summary')))
            if environment.getattr(l_1_r, 'reason'):
                environment.budget.step()
                pass
                yield '<br>理由:'
                yield escape(environment.finalize(environment.getattr(l_1_r, 'reason')))
            yield '</td><td class="url">'
            yield escape(environment.finalize(environment.call(context, environment.getattr((undefined(name='m') if l_1_m is missing else l_1_m), 'evidence'), environment.getattr(l_1_r, 'evidence'), _loop_vars=_loop_vars)))
            yield '</td></tr>\n'
        l_1_r = l_1_m = missing
        yield '</tbody>\n</table>\n'
    else:
        environment.budget.step()
        pass
        yield '<p class="lead">'
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'month_label')))
        yield '无报送。</p>\n'
    yield '</section>\n'

def block_next_month(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_h = resolve('h')
    l_0_next_month = resolve('next_month')
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    environment.budget.step()
    pass
    yield '<section aria-labelledby="sec-next">\n<h2 id="sec-next">六、'
    yield escape(environment.finalize(('下期' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'period') else '下月')))
    yield '到期事项</h2>\n'
    if environment.getattr((undefined(name='next_month') if l_0_next_month is missing else l_0_next_month), 'rows'):
        environment.budget.step()
        pass
        yield '<table class="next">\n<caption>'
        yield escape(environment.finalize(environment.getattr((undefined(name='next_month') if l_0_next_month is missing else l_0_next_month), 'month_label')))
        yield '到期的条目和时间节点</caption>\n<thead>\n<tr><th scope="col">应完成日期</th><th scope="col">条目</th><th scope="col">类型</th><th scope="col">事项</th><th scope="col">完成时间</th><th scope="col">尚未完成的单位</th></tr>\n</thead>\n<tbody>\n'
        for l_1_row in environment.getattr((undefined(name='next_month') if l_0_next_month is missing else l_0_next_month), 'rows'):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<tr><td class="date">'
            yield escape(environment.finalize(t_3(environment.getattr(l_1_row, 'due'))))
            yield '</td><th scope="row" class="id">'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'item')))
            yield '</th><td>'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'kind')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'what')))
            yield '</td><td>'
            yield escape(environment.finalize(environment.getattr(l_1_row, 'deadline')))
            yield '</td><td>'
            yield escape(environment.finalize(t_2(context.eval_ctx, environment.getattr(l_1_row, 'units'), '、')))
            yield '</td></tr>\n'
        l_1_row = missing
        yield '</tbody>\n</table>\n'
    else:
        environment.budget.step()
        pass
        yield '<p class="lead">'
        yield escape(environment.finalize(environment.getattr((undefined(name='next_month') if l_0_next_month is missing else l_0_next_month), 'month_label')))
        yield '无到期事项。</p>\n'
    yield '</section>\n'

def block_annual(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_annual = resolve('annual')
    environment.budget.step()
    pass
    if (undefined(name='annual') if l_0_annual is missing else l_0_annual):
        environment.budget.step()
        pass
        yield '<section aria-labelledby="sec-annual">\n<h2 id="sec-annual">七、落实上级年度政务公开工作要点情况</h2>\n<p class="lead">'
        yield escape(environment.finalize(environment.getattr((undefined(name='annual') if l_0_annual is missing else l_0_annual), 'intro')))
        yield '</p>\n'
        for l_1_t in environment.getattr((undefined(name='annual') if l_0_annual is missing else l_0_annual), 'tasks'):
            _loop_vars = {}
            environment.budget.step()
            pass
            yield '<p>'
            yield escape(environment.finalize(environment.getattr(l_1_t, 'number')))
            yield escape(environment.finalize(environment.getattr(l_1_t, 'title')))
            yield '。'
            yield escape(environment.finalize(environment.getattr(l_1_t, 'text')))
            yield '</p>\n'
        l_1_t = missing
        yield '</section>\n'

def block_notes(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    _block_vars = {}
    l_0_h = resolve('h')
    l_0_period = resolve('period')
    l_0_unit_levels = resolve('unit_levels')
    l_0_office = resolve('office')
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['zh_date']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'zh_date' found.")
    try:
        t_4 = environment.tests['defined']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'defined' found.")
    environment.budget.step()
    pass
    yield '<footer class="notes">\n<p>说明:</p>\n<ol>\n<li>完成率 = 已完成的单位任务 ÷(单位任务 − 不涉及)。单位任务指一个条目的一个责任单位;集体责任单位(如“各乡镇”)按其成员逐一计算。</li>\n<li>按期完成率 = 在完成时间内完成的单位任务 ÷ 截至统计日已到完成时间的单位任务(不含不涉及和无固定完成时间的)。</li>\n<li>逾期天数按日历日计,工作日按国家法定节假日和调休安排计;临期指 '
    yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'warn_days')))
    yield ' 天内到期;更新滞后指持续更新类条目已过首个完成时间,'
    yield escape(environment.finalize((undefined(name='period') if l_0_period is missing else l_0_period)))
    yield '均无进展报送。</li>\n<li>亮灯:红灯为逾期,黄灯为落后于序时进度(更新滞后、节点滞后、过半未启动),蓝灯为临期,绿灯为其余。'
    if (undefined(name='unit_levels') if l_0_unit_levels is missing else l_0_unit_levels):
        environment.budget.step()
        pass
        yield '督办次数为自工作要点印发起各月末(及统计截至日)该条目亮红灯的次数。'
    yield '</li>\n</ol>\n<p>本'
    yield escape(environment.finalize(('督办单' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'unit') else '通报')))
    yield '根据政务公开重点任务台账生成'
    if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'commit'):
        environment.budget.step()
        pass
        yield '(数据版本 '
        yield escape(environment.finalize(environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'commit')))
        yield escape(environment.finalize((',有未提交的修改' if environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'dirty') else '')))
        yield ')'
    yield '。</p>\n</footer>\n'
    if t_4((undefined(name='office') if l_0_office is missing else l_0_office)):
        environment.budget.step()
        pass
        yield '<section class="signature">\n<p>'
        yield escape(environment.finalize(((environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'issuer') or environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer')) or '【待填写:发文机关】')))
        yield '</p>\n<p>'
        yield escape(environment.finalize(t_3((environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'date') or environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of')))))
        yield '</p>\n</section>\n<footer class="record">\n<p>抄送:'
        yield escape(environment.finalize((t_2(context.eval_ctx, environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'cc'), '、') or '【待填写:抄送机关(report.yaml 的 cc)】')))
        yield '。</p>\n<p class="printed"><span>'
        yield escape(environment.finalize(((environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'printed_by') or environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'issuer')) or '【待填写:印发机关】')))
        yield '</span><span>'
        yield escape(environment.finalize(t_3((environment.getattr((undefined(name='office') if l_0_office is missing else l_0_office), 'date') or environment.getattr((undefined(name='h') if l_0_h is missing else l_0_h), 'as_of')))))
        yield '印发</span></p>\n</footer>\n'

blocks = {'style': block_style, 'masthead': block_masthead, 'summary': block_summary, 'progress': block_progress, 'overdue': block_overdue, 'stale': block_stale, 'received': block_received, 'next_month': block_next_month, 'annual': block_annual, 'notes': block_notes}
debug_info = '5=22&6=24&7=27&8=30&9=33&17=37&19=41&24=43&41=44&43=48&45=50&46=55&52=66&130=68&193=70&238=72&277=74&299=76&320=78&331=79&19=82&24=98&26=128&27=132&28=134&29=136&30=140&33=143&34=145&35=147&36=151&38=154&52=170&55=213&56=217&58=258&60=303&61=307&63=310&71=318&74=340&82=344&83=349&89=360&91=364&100=366&101=371&106=387&107=390&108=395&110=398&111=400&121=405&122=410&130=436&133=466&134=472&135=474&136=478&138=485&140=489&141=491&152=499&154=504&155=516&156=522&157=525&158=528&160=558&161=576&162=581&164=589&165=594&167=612&177=624&184=628&185=634&193=659&196=685&197=689&205=696&206=701&210=727&211=731&219=736&220=741&221=747&227=789&229=791&230=795&232=799&238=817&241=836&242=840&243=842&250=846&251=850&252=856&265=875&266=880&277=912&279=936&280=938&282=942&288=946&289=952&294=981&299=985&301=1009&302=1011&304=1015&309=1017&310=1022&315=1040&320=1044&321=1054&324=1058&325=1060&326=1065&331=1073&337=1105&338=1109&340=1114&342=1124&344=1128&345=1130&348=1132&349=1134'

# Generated by `python -m gongkai_ledger.render.templates` (see render/templates.py). Do not edit.
# mypy: ignore-errors
