// mvn verify site on examples/blog-2009 with footprint:report in <reporting>
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert !log.contains('Exception')

// check wrote the HTML report among its default reports: one self-contained file
def index = new File(basedir, 'target/footprint/index.html')
assert index.isFile()
def page = index.getText('UTF-8')
assert page.startsWith('<!DOCTYPE html>')
assert page.contains('<svg class="fp-svg" data-chart="resident"')
assert page.contains('<section class="fp-rule" id="FP105">')
assert !(page =~ /\ssrc=/)

// the site: the report page under Project Reports, with the chart and the findings
def report = new File(basedir, 'target/site/footprint.html')
assert report.isFile()
def html = report.getText('UTF-8')
assert html.contains('<svg class="fp-svg" data-chart="resident"')
// the configuration in <pluginManagement> reached the report: the budgets of the example
assert html.contains('memory 1 GiB')
assert html.contains('over by 720.1 MiB')
// its rule links open the rule pages it wrote into the site, rendered with the site's skin
def links = (html =~ /href="(footprint-rules\/FP\d{3}\.html)"/).collect { it[1] }.unique()
assert links.contains('footprint-rules/FP105.html')
links.each { assert new File(basedir, "target/site/${it}").isFile() : it }
def rule = new File(basedir, 'target/site/footprint-rules/FP105.html').getText('UTF-8')
assert rule.contains('FP105 max-request-workers-over-budget')
assert rule.contains('href="../footprint.html"')
// the skin's style sheet, relative to the rule page's folder
assert rule.contains('../css/')
// listed under Project Reports
def reports = new File(basedir, 'target/site/project-reports.html')
assert reports.isFile()
assert reports.getText('UTF-8').contains('href="footprint.html"')
return true
