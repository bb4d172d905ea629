<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Fields" labelsEnabled="0">
  <renderer-v2 type="singleSymbol" enableorderby="0" symbollevels="0" referencescale="-1" forceraster="0">
    <symbols>
      <symbol type="marker" clip_to_extent="1" alpha="1" name="0" force_rhr="0">
        <layer class="SimpleMarker" locked="0" pass="0" enabled="1">
          <Option type="Map">
            <Option type="QString" value="0" name="angle"/>
            <Option type="QString" value="140,40,180,255" name="color"/>
            <Option type="QString" value="bevel" name="joinstyle"/>
            <Option type="QString" value="diamond" name="name"/>
            <Option type="QString" value="255,255,255,255" name="outline_color"/>
            <Option type="QString" value="solid" name="outline_style"/>
            <Option type="QString" value="0.4" name="outline_width"/>
            <Option type="QString" value="MM" name="outline_width_unit"/>
            <Option type="QString" value="diameter" name="scale_method"/>
            <Option type="QString" value="3.2" name="size"/>
            <Option type="QString" value="MM" name="size_unit"/>
          </Option>
        </layer>
      </symbol>
    </symbols>
  </renderer-v2>
  <aliases>
    <alias index="0" field="libelle" name="Nom"/>
    <alias index="1" field="type_principal" name="Type d'ERP"/>
    <alias index="2" field="categorie" name="Catégorie"/>
    <alias index="3" field="type_de_localisation" name="Localisation du point"/>
    <alias index="4" field="liens_vers_batiment" name="Bâtiments liés"/>
  </aliases>
  <layerGeometryType>0</layerGeometryType>
</qgis>
