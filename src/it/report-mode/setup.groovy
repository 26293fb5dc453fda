// what a run killed while writing leaves: temporary report files, named as this and earlier versions named them
def out = new File(basedir, 'target/footprint')
out.mkdirs()
['footprint.json4871254390.tmp', 'footprint.sarif.77.tmp', 'TEST-footprint.xml123.tmp'].each {
    new File(out, it).text = 'half a report'
}
// a file of the user's that only looks alike: kept
new File(out, 'footprint.json.tmp').text = 'not ours'
return true
